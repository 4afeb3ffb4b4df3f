using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.FirstProducts;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Finance.FirstProducts;

/// <summary>An entry of a published list an application may answer (or answers), as the form and the table name it.</summary>
public sealed record DemandChoice(Guid Id, int Year, FirstKind Kind, string Product, bool Retired)
{
    public string Label => $"{Year}年 · {FirstProductNames.Name(Kind)} · {Product}{(Retired ? "（已调出）" : "")}";
}

public sealed record ApplicationsView(PagedList<FirstProductApplication> Applications, RecognitionState? State, bool IsEnterprise, bool IsRegion, bool IsDecider,
    IReadOnlyList<DemandChoice> Choices, IReadOnlyDictionary<Guid, DemandChoice> Answered);

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
        var rows = await query.OrderBy(a => a.State).ThenByDescending(a => a.SubmittedAt).ThenBy(a => a.Id).ToPagedListAsync(page, ct: ct);

        // The entries the page's applications answer, and (for the enterprise's form) those it may answer: published, not retired.
        var answered = rows.Items.Where(a => a.DemandEntryId is not null).Select(a => a.DemandEntryId!.Value).Distinct().ToList();
        var entries = await db.DemandEntries.AsNoTracking()
            .Where(d => answered.Contains(d.Id) || (permissions.Applies && d.IsPublished && d.RetiredAt == null))
            .OrderByDescending(d => d.Year).ThenBy(d => d.Kind).ThenBy(d => d.Product)
            .Select(d => new DemandChoice(d.Id, d.Year, d.Kind, d.Product, d.RetiredAt != null)).ToListAsync(ct);
        return new ApplicationsView(rows, state, permissions.Applies, permissions.Screens, decider, entries.Where(e => !e.Retired).ToList(),
            entries.Where(e => answered.Contains(e.Id)).ToDictionary(e => e.Id));
    }

    public async Task ApplyAsync(FirstKind kind, string? productName, string? model, string? indicators, DateOnly? firstUseOn, string? firstCustomer,
        string? noveltyReport, string? patents, string? testReports, Guid? demandEntryId, CancellationToken ct)
    {
        DemandEntry? answers = null;
        if (demandEntryId is { } entryId && (answers = await db.DemandEntries.AsNoTracking().SingleOrDefaultAsync(d => d.Id == entryId, ct)) is null)
        {
            throw new DomainException("所选需求清单条目不存在，请重新选择", nameof(FirstProductApplication.DemandEntryId));
        }

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
            today, clock.GetUtcNow(), answers));
        await db.SaveChangesAsync(ct);
    }

    public async Task<RecordResult<FirstProductApplication>> ScreenAsync(Guid id, bool recommend, string? reason, uint version, CancellationToken ct) =>
        await db.StepAsync(await db.FirstProductApplications.SingleOrDefaultAsync(a => a.Id == id, ct), a => permissions.Allows(FirstProductPermissions.Screen, a),
            version, a => a.Screen(recommend, reason), ct);

    public async Task<RecordResult<FirstProductApplication>> DecideAsync(Guid id, bool recognise, string? reason, uint version, bool decider, CancellationToken ct) =>
        await db.StepAsync(await db.FirstProductApplications.SingleOrDefaultAsync(a => a.Id == id, ct), _ => decider, version,
            a => a.Decide(recognise, reason ?? string.Empty, Display.Today(clock).Year), ct);
}
