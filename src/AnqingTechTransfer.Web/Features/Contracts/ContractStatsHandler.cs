using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Domain.Regions;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Contracts;

/// <summary>Count, 成交额 and 技术交易额 of one group of registered contracts (万元).</summary>
public sealed record Figure(string Key, int Count, decimal ContractAmount, decimal TechAmount)
{
    public static readonly Figure Zero = new(string.Empty, 0, 0, 0);
}

public sealed record RegionFigures(string RegionCode, string RegionName, Figure Output, Figure Absorbed);

public sealed record ContractStats(int Year, Figure Total, IReadOnlyList<Figure> ByMonth, IReadOnlyList<Figure> ByType, IReadOnlyList<Figure> ByField,
    IReadOnlyList<Figure> ByPoint, IReadOnlyList<RegionFigures> ByRegion, IReadOnlyDictionary<string, string> FieldNames, IReadOnlyDictionary<string, string> PointNames);

/// <summary>
/// Registered contracts of a year (by registration date, Beijing time). 输出 counts the seller's county or park, 吸纳 the
/// buyer's, and the two are never added together. The tenant filter limits what each user counts; a county or park sees
/// its own row of the regional table, the city sees all of them.
/// </summary>
public class ContractStatsHandler(PortalDbContext db, ICurrentActor actor, CodeTables.CodeTableLookupHandler codes)
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public static (DateTimeOffset Start, DateTimeOffset End) YearRange(int year) =>
        (new DateTimeOffset(year, 1, 1, 0, 0, 0, Beijing).ToUniversalTime(), new DateTimeOffset(year + 1, 1, 1, 0, 0, 0, Beijing).ToUniversalTime());

    public async Task<ContractStats> ForYearAsync(int year, CancellationToken ct)
    {
        var (start, end) = YearRange(year);
        var registered = db.TechContracts.AsNoTracking()
            .Where(c => c.Status == ContractStatus.Registered && c.RegisteredAt >= start && c.RegisteredAt < end);

        var byMonth = await registered.GroupBy(c => c.RegisteredAt!.Value.AddHours(8).Month)
            .Select(g => new { g.Key, Count = g.Count(), Amount = g.Sum(c => c.ContractAmount), Tech = g.Sum(c => c.TechAmount) }).ToListAsync(ct);
        var byType = await registered.GroupBy(c => c.Type)
            .Select(g => new { g.Key, Count = g.Count(), Amount = g.Sum(c => c.ContractAmount), Tech = g.Sum(c => c.TechAmount) }).ToListAsync(ct);
        var byField = await registered.GroupBy(c => c.TechnicalFieldCode)
            .Select(g => new { g.Key, Count = g.Count(), Amount = g.Sum(c => c.ContractAmount), Tech = g.Sum(c => c.TechAmount) }).ToListAsync(ct);
        var byPoint = await registered.Where(c => !c.IsImported).GroupBy(c => c.RegistrationPointId)
            .Select(g => new { g.Key, Count = g.Count(), Amount = g.Sum(c => c.ContractAmount), Tech = g.Sum(c => c.TechAmount) }).ToListAsync(ct);
        var output = await registered.Where(c => c.SellerRegionCode != null).GroupBy(c => c.SellerRegionCode!)
            .Select(g => new { g.Key, Count = g.Count(), Amount = g.Sum(c => c.ContractAmount), Tech = g.Sum(c => c.TechAmount) }).ToListAsync(ct);
        var absorbed = await registered.Where(c => c.BuyerRegionCode != null).GroupBy(c => c.BuyerRegionCode!)
            .Select(g => new { g.Key, Count = g.Count(), Amount = g.Sum(c => c.ContractAmount), Tech = g.Sum(c => c.TechAmount) }).ToListAsync(ct);

        var regions = AnqingRegions.All.Where(r => r.Kind != RegionKind.City && (actor.Scope == TenantScope.City || r.Code == actor.RegionCode)).ToList();
        var pointNames = await db.RegistrationPoints.AsNoTracking().ToDictionaryAsync(p => p.Id.ToString(), p => p.Name, ct);
        return new ContractStats(
            year,
            new Figure("合计", byMonth.Sum(m => m.Count), byMonth.Sum(m => m.Amount), byMonth.Sum(m => m.Tech)),
            Enumerable.Range(1, 12).Select(m => byMonth.FirstOrDefault(x => x.Key == m) is { } x ? new Figure(m.ToString(), x.Count, x.Amount, x.Tech) : Figure.Zero with { Key = m.ToString() }).ToList(),
            byType.OrderBy(t => t.Key).Select(t => new Figure(t.Key.ToString(), t.Count, t.Amount, t.Tech)).ToList(),
            byField.OrderBy(f => f.Key).Select(f => new Figure(f.Key, f.Count, f.Amount, f.Tech)).ToList(),
            byPoint.Select(p => new Figure(p.Key.ToString(), p.Count, p.Amount, p.Tech)).ToList(),
            regions.Select(r => new RegionFigures(r.Code, r.Name,
                output.FirstOrDefault(o => o.Key == r.Code) is { } o ? new Figure(r.Code, o.Count, o.Amount, o.Tech) : Figure.Zero with { Key = r.Code },
                absorbed.FirstOrDefault(a => a.Key == r.Code) is { } a ? new Figure(r.Code, a.Count, a.Amount, a.Tech) : Figure.Zero with { Key = r.Code })).ToList(),
            await codes.NamesAsync(Domain.CodeTables.CodeTableCatalog.TechnicalField, ct),
            pointNames);
    }
}
