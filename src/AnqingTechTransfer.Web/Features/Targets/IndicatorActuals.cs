using AnqingTechTransfer.Domain.Regions;
using AnqingTechTransfer.Domain.Targets;
using AnqingTechTransfer.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Targets;

/// <summary>
/// The actual values of the computed indicators, from the two summaries the database keeps in step with the records
/// (contract_month_totals, qualification_year_counts). Loaded once per page: the summaries are bounded by months ×
/// region pairs and years × regions, whatever the number of contracts or enterprises. The tenant filter applies: a
/// county or park loads only its own rows.
/// </summary>
public sealed class IndicatorActuals
{
    private readonly List<ContractCell> _contracts;
    private readonly List<CountCell> _counts;
    private readonly Dictionary<(Guid, string, int), decimal> _entered;

    private IndicatorActuals(List<ContractCell> contracts, List<CountCell> counts, Dictionary<(Guid, string, int), decimal> entered)
    {
        _contracts = contracts;
        _counts = counts;
        _entered = entered;
    }

    private sealed record ContractCell(int Year, int Month, string Seller, string Buyer, bool Imported, int Contracts, decimal Amount, decimal Tech);

    private sealed record CountCell(string Region, int Year, int HighTech, int TechSme);

    public static async Task<IndicatorActuals> LoadAsync(PortalDbContext db, string regionCode, CancellationToken ct)
    {
        var city = regionCode == AnqingRegions.City;
        var totals = db.ContractMonthTotals.AsNoTracking().Where(t => t.Contracts != 0 || t.ContractAmount != 0 || t.TechAmount != 0); // a change month may move amounts only (issue 22)
        var counts = db.QualificationYearCounts.AsNoTracking();
        var entered = db.KpiEnteredValues.AsNoTracking();
        if (!city)
        {
            totals = totals.Where(t => t.SellerRegionCode == regionCode || t.BuyerRegionCode == regionCode);
            counts = counts.Where(c => c.RegionCode == regionCode);
            entered = entered.Where(e => e.RegionCode == regionCode);
        }

        var contracts = await totals.Select(t => new ContractCell(t.Month.Year, t.Month.Month, t.SellerRegionCode, t.BuyerRegionCode, t.IsImported, t.Contracts, t.ContractAmount, t.TechAmount))
            .ToListAsync(ct);
        var countCells = await counts.Select(c => new CountCell(c.RegionCode, c.Year, c.HighTech, c.TechSme)).ToListAsync(ct);
        var values = await entered.Select(e => new { e.IndicatorId, e.RegionCode, e.Year, e.Value }).ToListAsync(ct);
        return new IndicatorActuals(contracts, countCells, values.ToDictionary(v => (v.IndicatorId, v.RegionCode, v.Year), v => v.Value));
    }

    /// <summary>The actual of an indicator for the city or one county or park in a year (up to a month, when given); null when not entered.</summary>
    public decimal? Actual(Indicator indicator, string regionCode, int year, int throughMonth = 12)
    {
        var city = regionCode == AnqingRegions.City;
        IEnumerable<ContractCell> Contracts(IndicatorSource source) =>
            _contracts.Where(c => c.Year == year && c.Month <= throughMonth && source.Counts(regionCode, c.Seller, c.Buyer, c.Imported));
        return indicator.Source switch
        {
            IndicatorSource.HighTechCount => _counts.Where(c => c.Year == year && (city || c.Region == regionCode)).Sum(c => c.HighTech),
            IndicatorSource.TechSmeCount => _counts.Where(c => c.Year == year && (city || c.Region == regionCode)).Sum(c => c.TechSme),
            IndicatorSource.TechAmount => Contracts(IndicatorSource.TechAmount).Sum(c => c.Tech),
            IndicatorSource.ContractAmount or IndicatorSource.AbsorbedAmount or IndicatorSource.OutputAmount => Contracts(indicator.Source).Sum(c => c.Amount),
            IndicatorSource.Entered => _entered.TryGetValue((indicator.Id, regionCode, year), out var value) ? value : null,
            _ => null,
        };
    }

    /// <summary>Registered contracts per month of a year for the place: count and 成交额 (the place's own, IndicatorSources.Counts) and 吸纳.</summary>
    public IReadOnlyList<(int Month, int Contracts, decimal Amount, decimal Absorbed)> Monthly(string regionCode, int year)
    {
        return Enumerable.Range(1, 12).Select(m =>
        {
            var cells = _contracts.Where(c => c.Year == year && c.Month == m).ToList();
            var own = cells.Where(c => IndicatorSource.ContractAmount.Counts(regionCode, c.Seller, c.Buyer, c.Imported)).ToList();
            return (m, own.Sum(c => c.Contracts), own.Sum(c => c.Amount),
                cells.Where(c => IndicatorSource.AbsorbedAmount.Counts(regionCode, c.Seller, c.Buyer, c.Imported)).Sum(c => c.Amount));
        }).ToList();
    }
}
