using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Domain.Regions;
using AnqingTechTransfer.Domain.Supervision;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Supervision.Measures;

/// <summary>
/// The bureau's steps on a measure: marks it done with a conclusion, reopens it with a reason, assigns its lead units (municipal
/// departments and the bureau; counties and parks) and its deadline. A broken rule stays the filter's flash message.
/// </summary>
public class DecideMeasureHandler(PortalDbContext db, SupervisionPermissions permissions, TimeProvider clock) : IUseCase
{
    public async Task<RecordResult<PlanMeasure>> DoneAsync(Guid id, uint version, string? conclusion, CancellationToken ct) =>
        await db.StepAsync(await MeasureAsync(id, ct), _ => permissions.Reviews, version, m => m.MarkDone(conclusion ?? string.Empty, clock.GetUtcNow()), ct);

    public async Task<RecordResult<PlanMeasure>> ReopenAsync(Guid id, uint version, string? reason, CancellationToken ct) =>
        await db.StepAsync(await MeasureAsync(id, ct), _ => permissions.Reviews, version, m => m.Reopen(reason ?? string.Empty), ct);

    public async Task<RecordResult<PlanMeasure>> AssignLeadsAsync(Guid id, uint version, Guid[]? organizations, string[]? regions, DateOnly? deadline,
        CancellationToken ct)
    {
        var known = AnqingRegions.All.Where(r => r.Kind != RegionKind.City).Select(r => r.Code).ToHashSet();
        var picked = (organizations ?? []).ToList();
        var valid = await db.Organizations.AsNoTracking().Where(o => picked.Contains(o.Id)
            && (o.Kind == OrganizationKind.MunicipalBureau || o.Kind == OrganizationKind.MunicipalDepartment)).Select(o => o.Id).ToListAsync(ct);
        return await db.StepAsync(await MeasureAsync(id, ct), _ => permissions.Reviews, version,
            m => m.AssignLeads(valid, (regions ?? []).Where(known.Contains), deadline ?? throw new DomainException("请填写完成期限")), ct);
    }

    private Task<PlanMeasure?> MeasureAsync(Guid id, CancellationToken ct) => db.PlanMeasures.SingleOrDefaultAsync(m => m.Id == id, ct);
}
