using AnqingTechTransfer.Domain.Carriers;
using AnqingTechTransfer.Domain.Matching;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Market.Listings;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Carriers.Scenarios;

/// <summary>
/// Scenarios and the market, matched by the market's own rules (<see cref="MarketSearchHandler"/> for the candidates,
/// <see cref="MatchRules.ForTopic"/> for the score and reasons: same field, shared keywords, same county or park): a
/// published scenario's results and needs, and the scenarios still collecting that match a result (shown to its owner).
/// </summary>
public class ScenarioMatchesHandler(PortalDbContext db, MarketSearchHandler market, TimeProvider clock) : IUseCase
{
    public static TopicFacts Facts(Scenario s) => new(s.Id, s.Title, s.FieldCode, s.Keywords, s.RegionCode);

    public async Task<(IReadOnlyList<Suggestion> Results, IReadOnlyList<Suggestion> Needs)> ForScenarioAsync(Scenario scenario, CancellationToken ct)
    {
        if (!scenario.IsPublished || string.IsNullOrEmpty(scenario.FieldCode))
        {
            return ([], []);
        }

        var topic = Facts(scenario);
        return (await market.ResultsOnTopicAsync(topic, scenario.OrganizationId, ct), await market.NeedsOnTopicAsync(topic, scenario.OrganizationId, ct));
    }

    /// <summary>场景与您的成果匹配: published scenarios still collecting (deadline not passed) that match the result.</summary>
    public async Task<IReadOnlyList<Suggestion>> ForResultAsync(TechResult result, CancellationToken ct)
    {
        var today = Display.Today(clock);
        var words = result.Keywords.ToArray();
        var candidates = await db.Scenarios.AsNoTracking()
            .Where(s => s.Status == ScenarioStatus.Open && s.Deadline >= today && s.OrganizationId != result.OrganizationId
                && (s.FieldCode == result.FieldCode || s.Keywords.Any(k => words.Contains(k))))
            .OrderByDescending(s => s.PublishedAt).Take(MarketSearchHandler.CandidateLimit)
            .Select(s => new { Facts = new TopicFacts(s.Id, s.Title, s.FieldCode, s.Keywords, s.RegionCode), s.PublisherName }).ToListAsync(ct);
        return MarketSearchHandler.OnTopic(new TopicFacts(result.Id, result.Title, result.FieldCode, result.Keywords, result.RegionCode),
            candidates.Select(c => (c.Facts, c.PublisherName)));
    }
}
