namespace AnqingTechTransfer.Domain.Carriers;

/// <summary>A deal an agency brokered: what the ranking counts.</summary>
public sealed record BrokeredDeal(Guid AgencyId, decimal Amount, bool BuyerInAnqing);

public sealed record AgencyScore(Guid AgencyId, string AgencyName, int Deals, decimal Turnover, int EnterprisesServed, int EventsHeld);

public sealed record RankedAgency(int Rank, AgencyScore Score);

/// <summary>
/// 技术转移机构年度排名 (DOMAIN.md §8.2): the deals each agency brokered that landed in Anqing (buyer in Anqing), and their
/// turnover; then the extra indicators the bureau configures (enterprises served, events held). Ties go by turnover, then
/// enterprises served, then events, then name — so every agency has a distinct, reproducible place.
/// </summary>
public static class AgencyRanking
{
    public static IReadOnlyList<RankedAgency> Rank(IEnumerable<(Guid Id, string Name)> agencies, IEnumerable<BrokeredDeal> deals,
        IReadOnlyDictionary<Guid, (int Enterprises, int Events)> extra)
    {
        var counted = deals.Where(d => d.BuyerInAnqing).GroupBy(d => d.AgencyId).ToDictionary(g => g.Key, g => (Count: g.Count(), Sum: g.Sum(d => d.Amount)));
        return agencies.Select(a =>
            {
                var (count, sum) = counted.GetValueOrDefault(a.Id);
                var (enterprises, events) = extra.GetValueOrDefault(a.Id);
                return new AgencyScore(a.Id, a.Name, count, sum, enterprises, events);
            })
            .OrderByDescending(s => s.Deals).ThenByDescending(s => s.Turnover).ThenByDescending(s => s.EnterprisesServed).ThenByDescending(s => s.EventsHeld)
            .ThenBy(s => s.AgencyName, StringComparer.Ordinal)
            .Select((s, i) => new RankedAgency(i + 1, s)).ToList();
    }
}

/// <summary>A year's ranking as the bureau confirmed it; the public page shows the confirmed one.</summary>
public class RankingPublication
{
    private RankingPublication()
    {
    }

    public Guid Id { get; private set; }
    public int Year { get; private set; }
    public List<RankedAgency> Rows { get; private set; } = [];
    public DateTimeOffset ConfirmedAt { get; private set; }
    public Guid ConfirmedBy { get; private set; }

    public static RankingPublication Confirm(int year, IReadOnlyList<RankedAgency> rows, Guid userId, DateTimeOffset now)
    {
        if (rows.Count == 0)
        {
            throw new DomainException("没有参加排名的技术转移机构");
        }

        return new RankingPublication { Id = Guid.CreateVersion7(now), Year = year, Rows = rows.ToList(), ConfirmedAt = now, ConfirmedBy = userId };
    }
}
