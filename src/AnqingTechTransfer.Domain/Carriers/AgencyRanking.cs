namespace AnqingTechTransfer.Domain.Carriers;

/// <summary>A deal an agency brokered: what the ranking counts.</summary>
public sealed record BrokeredDeal(Guid AgencyId, decimal Amount, bool BuyerInAnqing);

/// <summary>An agency's figures: the plan's two, then the extra indicators in the order the bureau configured them.</summary>
public sealed record AgencyScore(Guid AgencyId, string AgencyName, int Deals, decimal Turnover, IReadOnlyList<decimal> Extras);

public sealed record RankedAgency(int Rank, AgencyScore Score);

/// <summary>
/// 技术转移机构年度排名 (DOMAIN.md §8.2): the deals each agency brokered that landed in Anqing (buyer in Anqing), and their
/// turnover; then the extra indicators the bureau configures (by default enterprises served and events held, from the
/// agency's yearly report), in their order; then the name — so every agency has a distinct, reproducible place.
/// </summary>
public static class AgencyRanking
{
    public static IReadOnlyList<RankedAgency> Rank(IEnumerable<(Guid Id, string Name)> agencies, IEnumerable<BrokeredDeal> deals,
        IReadOnlyDictionary<Guid, IReadOnlyList<decimal>> extras, int extraCount)
    {
        var counted = deals.Where(d => d.BuyerInAnqing).GroupBy(d => d.AgencyId).ToDictionary(g => g.Key, g => (Count: g.Count(), Sum: g.Sum(d => d.Amount)));
        var scores = agencies.Select(a =>
        {
            var (count, sum) = counted.GetValueOrDefault(a.Id);
            var extra = extras.GetValueOrDefault(a.Id) ?? [];
            return new AgencyScore(a.Id, a.Name, count, sum, Enumerable.Range(0, extraCount).Select(i => i < extra.Count ? extra[i] : 0m).ToList());
        });
        var ordered = scores.OrderByDescending(s => s.Deals).ThenByDescending(s => s.Turnover);
        for (var i = 0; i < extraCount; i++)
        {
            var index = i;
            ordered = ordered.ThenByDescending(s => s.Extras[index]);
        }

        return ordered.ThenBy(s => s.AgencyName, StringComparer.Ordinal).Select((s, i) => new RankedAgency(i + 1, s)).ToList();
    }
}

/// <summary>A year's ranking as the bureau confirmed it (with the names of its extra indicators); the public page shows it.</summary>
public class RankingPublication
{
    private RankingPublication()
    {
    }

    public Guid Id { get; private set; }
    public int Year { get; private set; }
    public List<string> Indicators { get; private set; } = [];
    public List<RankedAgency> Rows { get; private set; } = [];
    public DateTimeOffset ConfirmedAt { get; private set; }
    public Guid ConfirmedBy { get; private set; }

    public static RankingPublication Confirm(int year, IReadOnlyList<string> indicators, IReadOnlyList<RankedAgency> rows, Guid userId, DateTimeOffset now)
    {
        if (rows.Count == 0)
        {
            throw new DomainException("没有参加排名的技术转移机构");
        }

        return new RankingPublication
        {
            Id = Guid.CreateVersion7(now), Year = year, Indicators = indicators.ToList(), Rows = rows.ToList(), ConfirmedAt = now, ConfirmedBy = userId,
        };
    }
}
