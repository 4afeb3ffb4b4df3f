using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.FirstProducts;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Finance.FirstProducts;

public sealed record ApplicationsView(PagedList<FirstProductApplication> Applications, RecognitionState? State, bool IsEnterprise, bool IsRegion, bool IsDecider);

/// <summary>
/// 三首产品认定申请: an enterprise applies (a product once) and reads its own; the county or park of its region screens; the
/// deciding department decides, on the version read. A broken rule stays the filter's flash message.
/// </summary>
public class FirstProductApplicationsHandler(PortalDbContext db, ICurrentActor actor, FirstProductPermissions permissions, TimeProvider clock) : IUseCase
{
    public async Task<ApplicationsView> ListAsync(RecognitionState? state, int page, bool decider, CancellationToken ct)
    {
        var query = db.FirstProductApplications.AsNoTracking();
        if (permissions.Applies)
        {
            var me = actor.OrganizationId;
            query = query.Where(a => a.OrganizationId == me);
        }

        query = state is { } s ? query.Where(a => a.State == s) : query;
        return new ApplicationsView(await query.OrderBy(a => a.State).ThenByDescending(a => a.SubmittedAt).ThenBy(a => a.Id).ToPagedListAsync(page, ct: ct), state,
            permissions.Applies, permissions.Screens, decider);
    }

    public async Task ApplyAsync(FirstKind kind, string? productName, string? model, string? indicators, DateOnly? firstUseOn, string? firstCustomer,
        string? noveltyReport, string? patents, string? testReports, CancellationToken ct)
    {
        var own = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == actor.OrganizationId, ct);
        var key = FirstProductApplication.ProductKey(own.CreditCode, kind, productName ?? string.Empty, model ?? string.Empty);
        var mine = await db.FirstProductApplications.AsNoTracking().Where(a => a.OrganizationId == own.Id && a.Kind == kind).ToListAsync(ct);
        if (mine.Any(a => a.Key == key))
        {
            throw new DomainException("该产品已申请过认定，不得重复申请");
        }

        var today = Display.Today(clock);
        db.FirstProductApplications.Add(FirstProductApplication.Submit(own.Id, own.Name, own.CreditCode, own.RegionCode, kind, productName ?? string.Empty, model ?? string.Empty,
            indicators ?? string.Empty, firstUseOn ?? today, firstCustomer ?? string.Empty, noveltyReport ?? string.Empty, patents ?? string.Empty, testReports ?? string.Empty,
            today, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
    }

    public async Task<RecordResult<FirstProductApplication>> ScreenAsync(Guid id, bool recommend, string? reason, uint version, CancellationToken ct) =>
        await db.StepAsync(await db.FirstProductApplications.SingleOrDefaultAsync(a => a.Id == id, ct), a => permissions.Allows(FirstProductPermissions.Screen, a),
            version, a => a.Screen(recommend, reason), ct);

    public async Task<RecordResult<FirstProductApplication>> DecideAsync(Guid id, bool recognise, string? reason, uint version, bool decider, CancellationToken ct) =>
        await db.StepAsync(await db.FirstProductApplications.SingleOrDefaultAsync(a => a.Id == id, ct), _ => decider, version,
            a => a.Decide(recognise, reason ?? string.Empty, Display.Today(clock).Year), ct);
}
