using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Matching;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Domain.CodeTables;
using AnqingTechTransfer.Web.Features.CodeTables;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Infrastructure;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Market;

public sealed record MarketIndexView(PagedList<MarketRow> Rows, MarketQuery Query, bool IsNeed, IReadOnlyDictionary<string, string> Fields, bool CanPost);

public sealed record DockingRow(Guid Id, string NeedTitle, string ResultTitle, DockingStatus Status, bool Incoming, DateTimeOffset CreatedAt);

/// <summary>A member-initialised shape (not a constructor), so EF can still filter and order on it.</summary>
public sealed class DockingJoin
{
    public required DockingRequest Request { get; init; }
    public required string NeedTitle { get; init; }
    public required string ResultTitle { get; init; }
}

/// <summary>Docking requests with the titles of both sides, for the lists (ordered and paged before the projection).</summary>
public static class DockingRows
{
    public static IQueryable<DockingJoin> Query(PortalDbContext db) =>
        db.DockingRequests.AsNoTracking()
            .Join(db.TechNeeds.AsNoTracking(), r => r.NeedId, n => n.Id, (r, n) => new { r, NeedTitle = n.Title })
            .Join(db.TechResults.AsNoTracking(), x => x.r.ResultId, t => t.Id, (x, t) => new DockingJoin { Request = x.r, NeedTitle = x.NeedTitle, ResultTitle = t.Title });

    public static System.Linq.Expressions.Expression<Func<DockingJoin, DockingRow>> Row(Guid viewer) =>
        x => new DockingRow(x.Request.Id, x.NeedTitle, x.ResultTitle, x.Request.Status, x.Request.FromOrganizationId != viewer, x.Request.CreatedAt);
}

public sealed record ListingView(MarketListing Listing, bool IsNeed, string FieldName, bool IsOwner, bool CanReview, bool ContactVisible,
    IReadOnlyList<Suggestion> Suggestions, IReadOnlyList<(Guid Id, string Title)> OwnOpposite, IReadOnlyList<DockingRow> Requests);

/// <summary>
/// The technology market's shared pages for needs (<c>/needs</c>) and results (<c>/results</c>): the public search, a
/// listing with its suggestions and docking, the owner's and reviewer's lists, review, withdrawal, closing and dismissing
/// a suggestion. Posting and editing are the derived controllers', as their forms differ.
/// </summary>
public abstract class ListingController<T>(PortalDbContext db, ICurrentActor actor, MarketPermissions permissions, MarketSearchHandler search, CodeTableLookupHandler codes,
    TimeProvider clock)
    : Controller
    where T : MarketListing
{
    protected PortalDbContext Db => db;
    protected ICurrentActor Actor => actor;
    protected MarketPermissions Permissions => permissions;
    protected MarketSearchHandler Search => search;
    protected CodeTableLookupHandler Codes => codes;
    protected TimeProvider Clock => clock;

    protected abstract bool IsNeed { get; }
    protected abstract string Base { get; }
    protected abstract DbSet<T> Set { get; }
    protected abstract IQueryable<T> SearchListings(MarketQuery query);
    protected abstract System.Linq.Expressions.Expression<Func<T, MarketRow>> Row { get; }
    protected abstract Task<IReadOnlyList<Suggestion>> SuggestAsync(T listing, CancellationToken ct);

    protected bool IsOwner(T listing) => permissions.Allows(MarketPermissions.Own, listing);
    private bool CanReview(T listing) => permissions.Allows(MarketPermissions.Review, listing);

    [AllowAnonymous]
    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, string? field, string? region, CooperationModes? mode, int? minMaturity, decimal? maxPrice, int page = 1,
        CancellationToken ct = default)
    {
        var query = new MarketQuery(q, field, region, mode, minMaturity, maxPrice);
        var rows = await SearchListings(query).Where(l => l.Status == ListingStatus.Published)
            .OrderByDescending(l => l.PublishedAt).ThenBy(l => l.Id).Select(Row).ToPagedListAsync(page, ct: ct);
        return View("/Features/Market/Index.cshtml",
            new MarketIndexView(rows, query, IsNeed, await codes.NamesAsync(CodeTableCatalog.TechnicalField, ct), permissions.MayPost(IsNeed)));
    }

    [Authorize]
    [HttpGet("manage")]
    public async Task<IActionResult> Manage(ListingStatus? status, int page = 1, CancellationToken ct = default)
    {
        if (!permissions.MayManage(IsNeed))
        {
            return Forbid();
        }

        // The owner sees its own; a county or park what its region posted; the bureau everything. Pending first.
        var query = Set.AsNoTracking();
        if (permissions.MayPost(IsNeed))
        {
            var own = actor.OrganizationId;
            query = query.Where(l => l.OrganizationId == own);
        }
        else if (permissions.ReviewsRegion)
        {
            var region = actor.RegionCode;
            query = query.Where(l => l.RegionCode == region);
        }

        if (status is { } s)
        {
            query = query.Where(l => l.Status == s);
        }

        ViewData["Status"] = status;
        ViewData["IsNeed"] = IsNeed;
        ViewData["CanPost"] = permissions.MayPost(IsNeed);
        ViewData["Fields"] = await codes.NamesAsync(CodeTableCatalog.TechnicalField, ct);
        return View("/Features/Market/Manage.cshtml", await query.OrderBy(l => l.Status).ThenByDescending(l => l.Id).Select(Row).ToPagedListAsync(page, ct: ct));
    }

    [AllowAnonymous]
    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Details(Guid id, CancellationToken ct)
    {
        var listing = await Set.AsNoTracking().SingleOrDefaultAsync(l => l.Id == id, ct);
        if (listing is null)
        {
            return NotFound();
        }

        var me = actor.OrganizationId;
        var signedIn = permissions.TakesPart;
        var requests = signedIn
            ? await DockingRows.Query(db).Where(x => IsNeed ? x.Request.NeedId == id : x.Request.ResultId == id)
                .OrderByDescending(x => x.Request.CreatedAt).Take(50).Select(DockingRows.Row(me)).ToListAsync(ct)
            : [];
        // The full contact is for the owner, its reviewers, and an organization whose docking request on it was accepted.
        var contactVisible = IsOwner(listing) || CanReview(listing) || (signedIn && await db.DockingRequests.AnyAsync(r => (IsNeed ? r.NeedId == id : r.ResultId == id)
            && r.Status == DockingStatus.Accepted && (r.NeedOrganizationId == me || r.ResultOrganizationId == me), ct));
        var suggestions = IsOwner(listing) && listing.IsPublic ? await SuggestAsync(listing, ct) : [];
        var ownOpposite = signedIn && listing.IsPublic && listing.OrganizationId != me
            ? IsNeed
                ? await db.TechResults.AsNoTracking().Where(r => r.OrganizationId == me && r.Status == ListingStatus.Published).OrderBy(r => r.Title)
                    .Select(r => new ValueTuple<Guid, string>(r.Id, r.Title)).Take(50).ToListAsync(ct)
                : await db.TechNeeds.AsNoTracking().Where(n => n.OrganizationId == me && n.Status == ListingStatus.Published).OrderBy(n => n.Title)
                    .Select(n => new ValueTuple<Guid, string>(n.Id, n.Title)).Take(50).ToListAsync(ct)
            : [];
        if (contactVisible && !IsOwner(listing))
        {
            // Someone else's contact person shown in full (a reviewer, or the other side of an accepted docking): audited.
            db.Audit(PersonalInfo.RevealAction, Domain.Audit.AuditOutcome.Success, listing.GetType().Name, listing.Id.ToString(), $"联系人 {listing.Contact.MaskedName} 的电话");
            await db.SaveChangesAsync(ct);
        }

        var fields = await codes.NamesAsync(CodeTableCatalog.TechnicalField, ct);
        return View("/Features/Market/Details.cshtml", new ListingView(listing, IsNeed, fields.GetValueOrDefault(listing.FieldCode, listing.FieldCode), IsOwner(listing),
            CanReview(listing), contactVisible, suggestions, ownOpposite, requests));
    }

    [Authorize]
    [HttpPost("{id:guid}/review")]
    public Task<IActionResult> Review(Guid id, bool publish, string? remark, uint version, CancellationToken ct) =>
        ActAsync(id, version, CanReview, l => l.Review(publish, remark, clock.GetUtcNow()), publish ? "已发布。" : "已退回发布单位。", ct);

    [Authorize]
    [HttpPost("{id:guid}/withdraw")]
    public Task<IActionResult> Withdraw(Guid id, uint version, CancellationToken ct) => ActAsync(id, version, IsOwner, l => l.Withdraw(), "已撤回。", ct);

    [Authorize]
    [HttpPost("{id:guid}/resubmit")]
    public Task<IActionResult> Resubmit(Guid id, uint version, CancellationToken ct) => ActAsync(id, version, IsOwner, l => l.Resubmit(), "已重新提交审核。", ct);

    [Authorize]
    [HttpPost("{id:guid}/close")]
    public Task<IActionResult> Close(Guid id, uint version, CancellationToken ct) => ActAsync(id, version, IsOwner, l => l.Close(), "已关闭。", ct);

    /// <summary>The owner does not want to see a suggestion again.</summary>
    [Authorize]
    [HttpPost("{id:guid}/dismiss")]
    public async Task<IActionResult> Dismiss(Guid id, Guid other, CancellationToken ct)
    {
        var listing = await Set.AsNoTracking().SingleOrDefaultAsync(l => l.Id == id, ct);
        if (listing is null)
        {
            return NotFound();
        }

        if (!IsOwner(listing))
        {
            return Forbid();
        }

        var (needId, resultId) = IsNeed ? (id, other) : (other, id);
        if (!await db.DismissedMatches.AnyAsync(d => d.NeedId == needId && d.ResultId == resultId, ct))
        {
            db.DismissedMatches.Add(new DismissedMatch(actor.OrganizationId, needId, resultId));
            await db.SaveChangesAsync(ct);
        }

        TempData[DomainExceptionFilter.FlashSuccess] = "已不再推荐该条。";
        return Redirect($"{Base}/{id}");
    }

    private async Task<IActionResult> ActAsync(Guid id, uint version, Func<T, bool> allowed, Action<T> act, string done, CancellationToken ct) =>
        await this.RunAsync(db, await Set.SingleOrDefaultAsync(l => l.Id == id, ct), allowed, version, act, done, l => $"{Base}/{l.Id}", ct);

    /// <summary>Saves a posted or edited listing; a rule broken shows its message next to the field, nothing is lost.</summary>
    protected async Task<IActionResult> SaveAsync(ListingForm form, T listing, bool isNew, Action<IReadOnlyList<string>> edit, string view, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            try
            {
                edit(MarketListing.ParseKeywords(form.Keywords));
                if (isNew)
                {
                    Set.Add(listing);
                }
                else
                {
                    db.Entry(listing).Property(l => l.Version).OriginalValue = form.Version;
                }

                await db.SaveChangesAsync(ct);
                TempData[DomainExceptionFilter.FlashSuccess] = "已提交，待所在县（市、区）、园区或市科技局审核后发布。";
                return Redirect($"{Base}/{listing.Id}");
            }
            catch (DomainException e)
            {
                ModelState.AddModelError(e.Field is { Length: > 0 } f ? f : string.Empty, e.Message);
            }
        }

        ViewData["Fields"] = await codes.ActiveAsync(CodeTableCatalog.TechnicalField, ct);
        ViewData["Id"] = isNew ? null : listing.Id;
        return View(view, form);
    }

    protected async Task<IActionResult> FormAsync(ListingForm form, Guid? id, string view, CancellationToken ct)
    {
        ViewData["Fields"] = await codes.ActiveAsync(CodeTableCatalog.TechnicalField, ct);
        ViewData["Id"] = id;
        return View(view, form);
    }
}
