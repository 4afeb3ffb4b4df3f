using AnqingTechTransfer.Domain.CodeTables;
using AnqingTechTransfer.Domain.Matching;
using AnqingTechTransfer.Web.Features.Administration.CodeTables;
using AnqingTechTransfer.Web.Features.Shared;

namespace AnqingTechTransfer.Web.Features.Market.Listings;

public sealed record MarketQuery(string? Q, string? Field, string? Region, CooperationModes? Mode, int? MinMaturity, decimal? MaxPrice);

public sealed record MarketIndexView(PagedList<MarketRow> Rows, MarketQuery Query, bool IsNeed, IReadOnlyDictionary<string, string> Fields, bool CanPost);

/// <summary>The public market: the published needs (or results) that match the search, newest first.</summary>
public sealed class SearchListingsHandler(MarketSearchHandler search, CodeTableLookupHandler codes, MarketPermissions permissions) : IUseCase
{
    public async Task<MarketIndexView> HandleAsync(bool isNeed, MarketQuery query, int page, CancellationToken ct)
    {
        var rows = isNeed
            ? await search.Needs(query).Where(l => l.Status == ListingStatus.Published).OrderByDescending(l => l.PublishedAt).ThenBy(l => l.Id)
                .Select(MarketRow.OfNeed).ToPagedListAsync(page, ct: ct)
            : await search.Results(query).Where(l => l.Status == ListingStatus.Published).OrderByDescending(l => l.PublishedAt).ThenBy(l => l.Id)
                .Select(MarketRow.OfResult).ToPagedListAsync(page, ct: ct);
        return new MarketIndexView(rows, query, isNeed, await codes.NamesAsync(CodeTableCatalog.TechnicalField, ct), permissions.MayPost(isNeed));
    }
}
