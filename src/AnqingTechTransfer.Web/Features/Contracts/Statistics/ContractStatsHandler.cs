using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Domain.Regions;
using AnqingTechTransfer.Domain.Targets;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Contracts.Statistics;

/// <summary>Count, 成交额 and 技术交易额 of one group of registered contracts (万元).</summary>
public sealed record Figure(string Key, int Count, decimal ContractAmount, decimal TechAmount)
{
    public static readonly Figure Zero = new(string.Empty, 0, 0, 0);
}

public sealed record RegionFigures(string RegionCode, string RegionName, Figure Output, Figure Absorbed);

/// <param name="Total">the contracts registered at Anqing's points (成交额 and 技术交易额 as the province counts them)</param>
/// <param name="Imported">contracts registered elsewhere with an Anqing buyer, imported from the provincial system: in 吸纳 only</param>
public sealed record ContractStats(int Year, Figure Total, IReadOnlyList<Figure> ByMonth, IReadOnlyList<Figure> ByType, IReadOnlyList<Figure> ByField,
    IReadOnlyList<Figure> ByPoint, IReadOnlyList<RegionFigures> ByRegion, IReadOnlyDictionary<string, string> FieldNames, IReadOnlyDictionary<string, string> PointNames,
    Figure Imported);

/// <summary>
/// Registered contracts of a year (by the date their figures count from, Beijing time: the registration, an approved
/// 变更登记's difference in its month, a 注销登记's removal in its month). The totals, months, types, fields, points and 输出
/// count the contracts registered at Anqing's points; a contract registered elsewhere and imported from the provincial
/// system counts in 吸纳 only (IndicatorSources.Counts, issue 22). 输出 counts the seller's county or park, 吸纳 the
/// buyer's, and the two are never added together. The tenant filter limits what each user counts; a county or park sees
/// its own row of the regional table, the city sees all of them.
/// </summary>
public class ContractStatsHandler(PortalDbContext db, ICurrentActor actor, Administration.CodeTables.CodeTableLookupHandler codes, TimeProvider clock) : IUseCase
{
    private const int FirstYear = 2021;
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    /// <summary>The statistics page: the year asked for if it is one the platform has (from 2021), else this year.</summary>
    public async Task<ContractStatsPage> PageAsync(int? year, CancellationToken ct)
    {
        var current = Display.Local(clock.GetUtcNow()).Year;
        var chosen = year is >= FirstYear && year <= current ? year.Value : current;
        return new ContractStatsPage(await ForYearAsync(chosen, ct), Enumerable.Range(FirstYear, current - FirstYear + 1).Reverse().ToList());
    }

    public static (DateTimeOffset Start, DateTimeOffset End) YearRange(int year) =>
        (new DateTimeOffset(year, 1, 1, 0, 0, 0, Beijing).ToUniversalTime(), new DateTimeOffset(year + 1, 1, 1, 0, 0, 0, Beijing).ToUniversalTime());

    public async Task<ContractStats> ForYearAsync(int year, CancellationToken ct)
    {
        var (start, end) = YearRange(year);
        // Figures by date (issue 22): a contract counts from its registration; an approved 变更登记 moves its figures in the
        // month of the change and a 注销登记 takes them out in the month of the cancellation, earlier months unchanged. The
        // ledger's rows are seen with their contract (tenant filter).
        var moves = db.ContractFigureMoves.AsNoTracking().Where(m => m.At >= start && m.At < end);

        // Two scans, not six: one grouped by month, type, field and point (a few thousand groups at most), one by the
        // seller's and buyer's regions; the figures are rolled up from them here.
        var cube = await moves
            .GroupBy(m => new { Month = m.At.AddHours(8).Month, m.Type, m.TechnicalFieldCode, m.RegistrationPointId, m.IsImported })
            .Select(g => new { g.Key.Month, g.Key.Type, g.Key.TechnicalFieldCode, g.Key.RegistrationPointId, g.Key.IsImported,
                Count = g.Sum(m => m.Contracts), Amount = g.Sum(m => m.ContractAmount), Tech = g.Sum(m => m.TechAmount) })
            .ToListAsync(ct);
        var pairs = await moves.GroupBy(m => new { m.SellerRegionCode, m.BuyerRegionCode, m.IsImported })
            .Select(g => new { g.Key.SellerRegionCode, g.Key.BuyerRegionCode, g.Key.IsImported, Count = g.Sum(m => m.Contracts), Amount = g.Sum(m => m.ContractAmount), Tech = g.Sum(m => m.TechAmount) })
            .ToListAsync(ct);

        static Figure Sum(string key, IEnumerable<(int Count, decimal Amount, decimal Tech)> rows)
        {
            var list = rows.ToList();
            return new Figure(key, list.Sum(r => r.Count), list.Sum(r => r.Amount), list.Sum(r => r.Tech));
        }

        var all = cube.Select(c => (c.Month, c.Type, c.TechnicalFieldCode, c.RegistrationPointId, c.IsImported, Values: (c.Count, c.Amount, c.Tech))).ToList();
        var cells = all.Where(c => !c.IsImported).ToList();
        var regions = AnqingRegions.All.Where(r => r.Kind != RegionKind.City && (actor.Scope == TenantScope.City || r.Code == actor.RegionCode)).ToList();
        var pointNames = await db.RegistrationPoints.AsNoTracking().ToDictionaryAsync(p => p.Id.ToString(), p => p.Name, ct);
        return new ContractStats(
            year,
            Sum("合计", cells.Select(c => c.Values)),
            Enumerable.Range(1, 12).Select(m => Sum(m.ToString(), cells.Where(c => c.Month == m).Select(c => c.Values))).ToList(),
            cells.GroupBy(c => c.Type).OrderBy(g => g.Key).Select(g => Sum(g.Key.ToString(), g.Select(c => c.Values))).ToList(),
            cells.GroupBy(c => c.TechnicalFieldCode).OrderBy(g => g.Key).Select(g => Sum(g.Key, g.Select(c => c.Values))).ToList(),
            cells.GroupBy(c => c.RegistrationPointId).Select(g => Sum(g.Key.ToString(), g.Select(c => c.Values))).ToList(),
            regions.Select(r => new RegionFigures(r.Code, r.Name,
                Sum(r.Code, pairs.Where(p => IndicatorSource.OutputAmount.Counts(r.Code, p.SellerRegionCode ?? string.Empty, p.BuyerRegionCode ?? string.Empty, p.IsImported))
                    .Select(p => (p.Count, p.Amount, p.Tech))),
                Sum(r.Code, pairs.Where(p => IndicatorSource.AbsorbedAmount.Counts(r.Code, p.SellerRegionCode ?? string.Empty, p.BuyerRegionCode ?? string.Empty, p.IsImported))
                    .Select(p => (p.Count, p.Amount, p.Tech))))).ToList(),
            await codes.NamesAsync(Domain.CodeTables.CodeTableCatalog.TechnicalField, ct),
            pointNames,
            Sum("外地登记导入", all.Where(c => c.IsImported).Select(c => c.Values)));
    }
}
