using AnqingTechTransfer.Domain.CodeTables;
using AnqingTechTransfer.Domain.Matching;
using AnqingTechTransfer.Domain.Regions;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Administration.CodeTables;
using AnqingTechTransfer.Web.Features.Market.Listings;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Market.Docking;

/// <summary>A suggested result for a need, with the docking already on the pair (if any).</summary>
public sealed record BrokerPair(Suggestion Result, Guid? DockingId, DockingStatus? DockingStatus);

/// <summary>A published need of the broker's reach with its best suggestions.</summary>
public sealed record BrokerNeed(Guid Id, string Title, string OrganizationName, string Region, string Field, IReadOnlyList<BrokerPair> Pairs);

/// <summary>A broker's attempt that was refused: shown next to the pair's form with what was typed.</summary>
public sealed record BrokerAttempt(Guid NeedId, Guid ResultId, string? Message, IReadOnlyList<FieldError> Errors);

public sealed record BrokerSuggestionsView(PagedList<BrokerNeed> Needs, bool IsCity, string RegionName, IReadOnlyList<(Guid Id, string Name)> Commissioners,
    BrokerAttempt? Attempt);

/// <summary>
/// 撮合 (issue 24 §8): the published needs the broker reaches — every one for the bureau, those of its region for a county
/// or park (which keeps the region's commissioners) — each with its best suggested results and their reasons (the market's
/// own <see cref="MatchRules"/>), and the docking already on a pair.
/// </summary>
public sealed class BrokerSuggestionsHandler(PortalDbContext db, ICurrentActor actor, MarketSearchHandler search,
    CodeTableLookupHandler codes) : IUseCase
{
    public const int NeedsPerPage = 10;
    public const int PairsPerNeed = 5;

    public async Task<BrokerSuggestionsView> HandleAsync(int page, BrokerAttempt? attempt, CancellationToken ct)
    {
        var city = actor.Acts(Domain.PortalRoles.Bureau);
        var region = actor.RegionCode;
        var query = db.TechNeeds.AsNoTracking().Where(n => n.Status == ListingStatus.Published);
        if (!city)
        {
            query = query.Where(n => n.RegionCode == region);
        }

        var needs = await query.OrderByDescending(n => n.PublishedAt).ThenBy(n => n.Id).ToPagedListAsync(page, NeedsPerPage, ct);
        var fields = await codes.NamesAsync(CodeTableCatalog.TechnicalField, ct);
        var ids = needs.Items.Select(n => n.Id).ToList();
        var dockings = await db.DockingRequests.AsNoTracking().Where(r => ids.Contains(r.NeedId)).OrderByDescending(r => r.CreatedAt)
            .Select(r => new { r.Id, r.NeedId, r.ResultId, r.Status }).ToListAsync(ct);
        var rows = new List<BrokerNeed>();
        foreach (var need in needs.Items)
        {
            var suggestions = await search.ForNeedAsync(need, ct);
            var pairs = suggestions.Take(PairsPerNeed).Select(s =>
            {
                var docking = dockings.FirstOrDefault(d => d.NeedId == need.Id && d.ResultId == s.Id);
                return new BrokerPair(s, docking?.Id, docking?.Status);
            }).ToList();
            rows.Add(new BrokerNeed(need.Id, need.Title, need.OrganizationName, AnqingRegions.NameOf(need.RegionCode), fields.GetValueOrDefault(need.FieldCode, need.FieldCode), pairs));
        }

        var commissioners = await db.Commissioners.AsNoTracking().Where(c => c.OrganizationId == actor.OrganizationId).OrderByDescending(c => c.Year).ThenBy(c => c.Name)
            .Select(c => new ValueTuple<Guid, string>(c.Id, c.Name + "（" + c.Year + "年）")).ToListAsync(ct);
        var list = new PagedList<BrokerNeed> { Items = rows, Page = needs.Page, PageSize = needs.PageSize, Total = needs.Total, IsCapped = needs.IsCapped };
        return new BrokerSuggestionsView(list, city, city ? "全市" : AnqingRegions.NameOf(region), commissioners, attempt);
    }
}
