using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Carriers;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Carriers.Registry;

/// <summary>
/// The host files its yearly indicators (the ones its kind of carrier is asked for); the bureau assesses them. The answer
/// is the carrier's id (the report, assessed). A broken rule stays the filter's flash message (no form here).
/// </summary>
public class PerformanceReportHandler(PortalDbContext db, CarrierPermissions permissions, TimeProvider clock) : IUseCase
{
    public async Task<RecordResult<Guid>> FileAsync(Guid id, int year, Dictionary<string, decimal>? indicators, string? summary, CancellationToken ct)
    {
        var carrier = await db.Carriers.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (carrier is null)
        {
            return RecordResult<Guid>.NotFound;
        }

        if (!permissions.Allows(CarrierPermissions.Host, carrier))
        {
            return RecordResult<Guid>.Forbidden;
        }

        if (await db.PerformanceReports.AnyAsync(r => r.CarrierId == id && r.Year == year, ct))
        {
            throw new DomainException($"{year} 年度报告已提交");
        }

        db.PerformanceReports.Add(PerformanceReport.File(carrier, year, (indicators ?? []).Select(i => new IndicatorValue(i.Key, i.Value)).ToList(), summary ?? string.Empty,
            clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return RecordResult<Guid>.Done(id);
    }

    public async Task<RecordResult<PerformanceReport>> AssessAsync(Guid reportId, Assessment assessment, string? comment, uint version, CancellationToken ct) =>
        await db.StepAsync(await db.PerformanceReports.SingleOrDefaultAsync(r => r.Id == reportId, ct), _ => permissions.Decides, version,
            r => r.Assess(assessment, comment ?? string.Empty), ct);
}
