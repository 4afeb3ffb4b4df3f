using AnqingTechTransfer.Domain.Matching;
using AnqingTechTransfer.Domain.Search;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Infrastructure.Search;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Market.Listings;

/// <summary>
/// The market's search and its suggestions. A query of words (ADR 0017) is segmented as the listings are and every word
/// must match the row's <c>search_vector</c> (GIN-indexed), best match first; a query of one or two characters keeps the
/// substring path (ADR 0009): each term's one- or two-character grams must all be in the row's <c>search_grams</c>
/// (GIN-indexed), and the term itself must then occur (ILIKE) — the grams narrow, the ILIKE decides. Suggestions score the candidates that share the field or a keyword
/// (both indexed) with <see cref="MatchRules"/>, freshly on every read, so a change on either side shows at once.
/// </summary>
public class MarketSearchHandler(PortalDbContext db, IWordCutter cutter) : Shared.IUseCase
{
    public const int CandidateLimit = 400;
    public const int SuggestionCount = 10;

    /// <summary>The query's words (segmented as the listings are).</summary>
    public WordQuery Words(string? q) => WordQuery.Parse(cutter, q);

    /// <summary>The listings matching the query and its filters; <paramref name="words"/> given, by words (relaxed or not), otherwise by substrings.</summary>
    public IQueryable<TechNeed> Needs(MarketQuery query, WordQuery? words = null, bool relaxed = false)
    {
        var byWords = words is { Words.Count: > 0 };
        var terms = byWords ? [] : Terms(query.Q);
        var grams = Grams(terms);
        var needs = grams.Length == 0 ? db.TechNeeds.AsNoTracking() : db.TechNeeds.FromSql($"SELECT * FROM tech_needs WHERE search_grams @> {grams}").AsNoTracking();
        needs = byWords ? needs.MatchingWords(words!.TsQuery(relaxed)) : needs;
        needs = Filter(needs, terms, query);
        if (query.MaxPrice is { } budget)
        {
            // A need fits an offer of this price when its budget reaches it (or is open).
            needs = needs.Where(n => n.BudgetMax == null || n.BudgetMax >= budget);
        }

        return needs;
    }

    public IQueryable<TechResult> Results(MarketQuery query, WordQuery? words = null, bool relaxed = false)
    {
        var byWords = words is { Words.Count: > 0 };
        var terms = byWords ? [] : Terms(query.Q);
        var grams = Grams(terms);
        var results = grams.Length == 0 ? db.TechResults.AsNoTracking() : db.TechResults.FromSql($"SELECT * FROM tech_results WHERE search_grams @> {grams}").AsNoTracking();
        results = byWords ? results.MatchingWords(words!.TsQuery(relaxed)) : results;
        results = Filter(results, terms, query);
        if (query.MinMaturity is { } maturity)
        {
            results = results.Where(r => r.Maturity >= maturity);
        }

        if (query.MaxPrice is { } price)
        {
            results = results.Where(r => r.Price != null && r.Price <= price);
        }

        return results;
    }

    private static IQueryable<T> Filter<T>(IQueryable<T> listings, IReadOnlyList<string> terms, MarketQuery query) where T : MarketListing
    {
        foreach (var term in terms)
        {
            var pattern = "%" + term.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            listings = listings.Where(l => EF.Functions.ILike(l.Title, pattern) || EF.Functions.ILike(l.Summary, pattern));
        }

        if (!string.IsNullOrEmpty(query.Field))
        {
            listings = listings.Where(l => l.FieldCode == query.Field);
        }

        if (!string.IsNullOrEmpty(query.Region))
        {
            listings = listings.Where(l => l.RegionCode == query.Region);
        }

        if (query.Mode is { } mode && mode != CooperationModes.None)
        {
            listings = listings.Where(l => (l.Modes & mode) != 0);
        }

        return listings;
    }

    /// <summary>Terms separated by spaces, at most five, lower-cased as the grams are (of the query's first 200 characters).</summary>
    public static IReadOnlyList<string> Terms(string? q) =>
        WordQuery.Parse(NoWords.Instance, q).Text.ToLowerInvariant().Split([' ', '\u3000', ',', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Distinct(StringComparer.Ordinal).Take(5).ToList();

    /// <summary>The grams every matching row must have: a one-character term is its own gram; longer ones give their pairs.</summary>
    public static string[] Grams(IReadOnlyList<string> terms) =>
        terms.SelectMany(t => t.Length == 1 ? [t] : Enumerable.Range(0, t.Length - 1).Select(i => t.Substring(i, 2)))
            .Where(g => !g.Any(char.IsWhiteSpace)).Distinct(StringComparer.Ordinal).ToArray();

    public async Task<IReadOnlyList<Suggestion>> ForNeedAsync(TechNeed need, CancellationToken ct)
    {
        var candidates = await PublishedResultsSharing(need.FieldCode, need.Keywords, need.OrganizationId)
            .Where(r => !db.DismissedMatches.Any(d => d.NeedId == need.Id && d.ResultId == r.Id))
            .OrderByDescending(r => r.PublishedAt).Take(CandidateLimit)
            .Select(r => new { Facts = new ResultFacts(r.Id, r.Title, r.FieldCode, r.Keywords, r.Modes, r.Price, r.RegionCode, r.Maturity), r.OrganizationName })
            .ToListAsync(ct);
        var names = candidates.ToDictionary(c => c.Facts.Id, c => c.OrganizationName);
        return MatchRules.ForNeed(Facts(need), candidates.Select(c => c.Facts), SuggestionCount)
            .Select(m => new Suggestion(m.Result.Id, m.Result.Title, names[m.Result.Id], m.Score.Points, m.Score.Reasons)).ToList();
    }

    public async Task<IReadOnlyList<Suggestion>> ForResultAsync(TechResult result, CancellationToken ct)
    {
        var candidates = await PublishedNeedsSharing(result.FieldCode, result.Keywords, result.OrganizationId)
            .Where(n => !db.DismissedMatches.Any(d => d.ResultId == result.Id && d.NeedId == n.Id))
            .OrderByDescending(n => n.PublishedAt).Take(CandidateLimit)
            .Select(n => new { Facts = new NeedFacts(n.Id, n.Title, n.FieldCode, n.Keywords, n.Modes, n.BudgetMin, n.BudgetMax, n.RegionCode), n.OrganizationName })
            .ToListAsync(ct);
        var names = candidates.ToDictionary(c => c.Facts.Id, c => c.OrganizationName);
        return MatchRules.ForResult(Facts(result), candidates.Select(c => c.Facts), SuggestionCount)
            .Select(m => new Suggestion(m.Need.Id, m.Need.Title, names[m.Need.Id], m.Score.Points, m.Score.Reasons)).ToList();
    }

    /// <summary>The candidates of every suggestion: published results of other organizations sharing the field or a keyword (both indexed).</summary>
    public IQueryable<TechResult> PublishedResultsSharing(string fieldCode, IEnumerable<string> keywords, Guid notOfOrganization)
    {
        var words = keywords.ToArray();
        return db.TechResults.AsNoTracking().Where(r => r.Status == ListingStatus.Published && r.OrganizationId != notOfOrganization
            && (r.FieldCode == fieldCode || r.Keywords.Any(k => words.Contains(k))));
    }

    /// <summary>The same for needs.</summary>
    public IQueryable<TechNeed> PublishedNeedsSharing(string fieldCode, IEnumerable<string> keywords, Guid notOfOrganization)
    {
        var words = keywords.ToArray();
        return db.TechNeeds.AsNoTracking().Where(n => n.Status == ListingStatus.Published && n.OrganizationId != notOfOrganization
            && (n.FieldCode == fieldCode || n.Keywords.Any(k => words.Contains(k))));
    }

    /// <summary>Published results matching a subject (a scenario) on field, keywords and region, with the reasons (<see cref="MatchRules.ForTopic"/>).</summary>
    public async Task<IReadOnlyList<Suggestion>> ResultsOnTopicAsync(TopicFacts topic, Guid notOfOrganization, CancellationToken ct)
    {
        var candidates = await PublishedResultsSharing(topic.FieldCode, topic.Keywords, notOfOrganization)
            .OrderByDescending(r => r.PublishedAt).Take(CandidateLimit)
            .Select(r => new { Facts = new TopicFacts(r.Id, r.Title, r.FieldCode, r.Keywords, r.RegionCode), r.OrganizationName }).ToListAsync(ct);
        return OnTopic(topic, candidates.Select(c => (c.Facts, c.OrganizationName)));
    }

    /// <summary>Published needs matching a subject (a scenario), with the reasons.</summary>
    public async Task<IReadOnlyList<Suggestion>> NeedsOnTopicAsync(TopicFacts topic, Guid notOfOrganization, CancellationToken ct)
    {
        var candidates = await PublishedNeedsSharing(topic.FieldCode, topic.Keywords, notOfOrganization)
            .OrderByDescending(n => n.PublishedAt).Take(CandidateLimit)
            .Select(n => new { Facts = new TopicFacts(n.Id, n.Title, n.FieldCode, n.Keywords, n.RegionCode), n.OrganizationName }).ToListAsync(ct);
        return OnTopic(topic, candidates.Select(c => (c.Facts, c.OrganizationName)));
    }

    /// <summary>Candidates (with their organization's name) scored against a subject, the best <see cref="SuggestionCount"/>.</summary>
    public static IReadOnlyList<Suggestion> OnTopic(TopicFacts topic, IEnumerable<(TopicFacts Facts, string OrganizationName)> candidates)
    {
        var list = candidates.ToList();
        var names = list.ToDictionary(c => c.Facts.Id, c => c.OrganizationName);
        return MatchRules.ForTopic(topic, list.Select(c => c.Facts), SuggestionCount)
            .Select(m => new Suggestion(m.Other.Id, m.Other.Title, names[m.Other.Id], m.Score.Points, m.Score.Reasons)).ToList();
    }

    public static NeedFacts Facts(TechNeed n) => new(n.Id, n.Title, n.FieldCode, n.Keywords, n.Modes, n.BudgetMin, n.BudgetMax, n.RegionCode);

    public static ResultFacts Facts(TechResult r) => new(r.Id, r.Title, r.FieldCode, r.Keywords, r.Modes, r.Price, r.RegionCode, r.Maturity);
}

/// <summary>No segmentation: <see cref="WordQuery.Parse"/> only to trim and clip a query.</summary>
internal sealed class NoWords : IWordCutter
{
    public static readonly NoWords Instance = new();

    public IEnumerable<string> CutForSearch(string text) => [];
}
