using AnqingTechTransfer.Domain.CodeTables;
using AnqingTechTransfer.Domain.Matching;
using AnqingTechTransfer.Domain.Search;
using AnqingTechTransfer.Web.Features.Administration.CodeTables;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Infrastructure.Search;

namespace AnqingTechTransfer.Web.Features.Market.Listings;

public sealed record MarketQuery(string? Q, string? Field, string? Region, CooperationModes? Mode, int? MinMaturity, decimal? MaxPrice);

/// <summary>
/// The market's list page. <see cref="Marks"/> are the words a hit was found by, marked in its title and summary;
/// <see cref="StandIns"/> are the long words' parts that stood in for them when no listing had every word (ADR 0017).
/// </summary>
public sealed record MarketIndexView(PagedList<MarketRow> Rows, MarketQuery Query, bool IsNeed, IReadOnlyDictionary<string, string> Fields, bool CanPost,
    IReadOnlyList<string> Marks, IReadOnlyList<string> StandIns);

/// <summary>
/// The public market: the published needs (or results) that match the search. A search by words (ADR 0017) lists the best
/// match first, then the newest; when no listing has every word, the long words' parts stand in (耐候性 finds 耐候). A
/// query of one or two characters, or none, lists by substring, newest first.
/// </summary>
public sealed class SearchListingsHandler(MarketSearchHandler search, CodeTableLookupHandler codes, MarketPermissions permissions) : IUseCase
{
    public async Task<MarketIndexView> HandleAsync(bool isNeed, MarketQuery query, int page, CancellationToken ct)
    {
        var words = search.Words(query.Q);
        var relaxed = false;
        var rows = await PageAsync(isNeed, query, words, false, page, ct);
        if (rows.Total == 0 && words.Words.Any(w => w.Parts.Count > 0))
        {
            relaxed = true;
            rows = await PageAsync(isNeed, query, words, true, page, ct);
        }

        var marks = words.Words.Count > 0 ? words.Marks(relaxed) : MarketSearchHandler.Terms(query.Q);
        return new MarketIndexView(rows, query, isNeed, await codes.NamesAsync(CodeTableCatalog.TechnicalField, ct), permissions.MayPost(isNeed), marks,
            relaxed ? words.StandIns() : []);
    }

    private Task<PagedList<MarketRow>> PageAsync(bool isNeed, MarketQuery query, WordQuery words, bool relaxed, int page, CancellationToken ct)
    {
        var byWords = words.Words.Count > 0;
        var tsQuery = byWords ? words.TsQuery(relaxed) : string.Empty;
        if (isNeed)
        {
            var needs = search.Needs(query, words, relaxed).Where(l => l.Status == ListingStatus.Published);
            var ordered = byWords ? needs.ByRelevance(tsQuery).ThenByDescending(l => l.PublishedAt) : needs.OrderByDescending(l => l.PublishedAt);
            return ordered.ThenBy(l => l.Id).Select(MarketRow.OfNeed).ToPagedListAsync(needs, page, ct: ct);
        }

        var results = search.Results(query, words, relaxed).Where(l => l.Status == ListingStatus.Published);
        var byRank = byWords ? results.ByRelevance(tsQuery).ThenByDescending(l => l.PublishedAt) : results.OrderByDescending(l => l.PublishedAt);
        return byRank.ThenBy(l => l.Id).Select(MarketRow.OfResult).ToPagedListAsync(results, page, ct: ct);
    }
}
