using AnqingTechTransfer.Domain.Regions;
using AnqingTechTransfer.Domain.Targets;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Data.Seed;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace AnqingTechTransfer.Web.Features.Targets.Cockpit;

/// <summary>
/// The leaders' cockpit for one scope (the city, or one county or park) and year: per indicator the 2021 baseline, the
/// actual (live from the summaries), the target, % of target, the share of the year elapsed and the status; the trend
/// since 2021; for the city, the 12 counties and parks ranked and the city total set against the sum of its parts.
/// </summary>
public class CockpitHandler(PortalDbContext db, TimeProvider clock, IMemoryCache cache) : Shared.IUseCase
{
    public const int BaselineYear = 2021;

    /// <summary>
    /// The cockpit of a scope and year, from this instance's cache while nothing it reads has changed: the key holds the
    /// version row that every write to the summaries, indicators, baselines and targets bumps in its own transaction
    /// (migration SupervisionAndCityScale), so a registration on any instance is seen at the next request on every other.
    /// </summary>
    public async Task<CockpitView> BuildAsync(string regionCode, int year, CancellationToken ct)
    {
        var version = await db.Database.SqlQuery<long>($"SELECT version AS \"Value\" FROM cockpit_version WHERE id = 1").SingleAsync(ct);
        var key = (nameof(CockpitHandler), regionCode, year, Display.Today(clock), version, db.ActorScope, db.ActorSeesAllTargets);
        if (cache.TryGetValue(key, out CockpitView? cached) && cached is not null)
        {
            return cached;
        }

        var view = await ComputeAsync(regionCode, year, ct);
        cache.Set(key, view, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(10) });
        return view;
    }

    private async Task<CockpitView> ComputeAsync(string regionCode, int year, CancellationToken ct)
    {
        var today = Display.Today(clock);
        var city = regionCode == AnqingRegions.City;
        // A past year is over (100 % elapsed); the current year is measured to date; the months of the current year
        // not yet reached count nothing.
        var elapsed = year < today.Year ? 1m : year > today.Year ? 0m : TargetStatusRule.ElapsedShare(today);
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.IsActive).OrderBy(i => i.SortOrder).ToListAsync(ct);
        var actuals = await IndicatorActuals.LoadAsync(db, regionCode, ct);
        var scopeRegions = city ? AnqingRegions.All.Where(r => r.Kind != RegionKind.City).Select(r => r.Code).Append(regionCode).ToList() : [regionCode];
        var baselines = await db.KpiBaselines.AsNoTracking().Where(b => b.Year == BaselineYear && scopeRegions.Contains(b.RegionCode))
            .Select(b => new { b.IndicatorId, b.RegionCode, View = new KpiBaselineView(b.Year, b.Value, b.SourceDocument, b.IsVerified, b.IsDemo) })
            .ToListAsync(ct);
        var targets = await db.KpiTargets.AsNoTracking().Where(t => t.Year >= BaselineYear && t.Year <= year && scopeRegions.Contains(t.RegionCode))
            .Select(t => new { t.IndicatorId, t.RegionCode, t.Year, t.Value, t.IsLocked }).ToListAsync(ct);

        var figures = indicators.Select(indicator =>
        {
            var actual = actuals.Actual(indicator, regionCode, year);
            var target = targets.FirstOrDefault(t => t.IndicatorId == indicator.Id && t.RegionCode == regionCode && t.Year == year);
            decimal? progress = target is { Value: > 0 } && actual is { } a ? a / target.Value : null;
            TargetStatus? status = target is { Value: > 0 } && actual is { } b ? TargetStatusRule.Evaluate(b, target.Value, elapsed) : null;
            var trend = Enumerable.Range(BaselineYear, year - BaselineYear + 1)
                .Select(y => (y, actuals.Actual(indicator, regionCode, y), targets.FirstOrDefault(t => t.IndicatorId == indicator.Id && t.RegionCode == regionCode && t.Year == y)?.Value))
                .ToList();
            return new IndicatorFigure(indicator, baselines.FirstOrDefault(x => x.IndicatorId == indicator.Id && x.RegionCode == regionCode)?.View, actual,
                target?.Value, target?.IsLocked ?? false, progress, status, trend, DrillUrl(indicator.Source, regionCode, year));
        }).ToList();

        var sinceBaseline = Enumerable.Range(BaselineYear, year - BaselineYear + 1)
            .SelectMany(y => actuals.Monthly(regionCode, y).Where(m => y < today.Year || (y == today.Year && m.Month <= today.Month)).Select(m => (y, m.Month, m.Amount, m.Absorbed)))
            .ToList();

        var absorbedRanking = new List<RegionRank>();
        var progressRanking = new List<RegionRank>();
        var breakdown = new List<RegionBreakdown>();
        if (city && indicators.FirstOrDefault(i => i.Source == IndicatorSource.AbsorbedAmount) is { } absorbed)
        {
            var rows = AnqingRegions.All.Where(r => r.Kind != RegionKind.City).Select(r =>
            {
                var value = actuals.Actual(absorbed, r.Code, year) ?? 0;
                var target = targets.FirstOrDefault(t => t.IndicatorId == absorbed.Id && t.RegionCode == r.Code && t.Year == year)?.Value;
                return (r.Code, r.Name, Value: value, Target: target, Progress: target is > 0 ? value / target : (decimal?)null);
            }).ToList();
            absorbedRanking = rows.OrderByDescending(r => r.Value).ThenBy(r => r.Code, StringComparer.Ordinal)
                .Select((r, i) => new RegionRank(i + 1, r.Code, r.Name, r.Value, r.Target, r.Progress)).ToList();
            progressRanking = rows.OrderByDescending(r => r.Progress ?? -1).ThenByDescending(r => r.Value).ThenBy(r => r.Code, StringComparer.Ordinal)
                .Select((r, i) => new RegionRank(i + 1, r.Code, r.Name, r.Value, r.Target, r.Progress)).ToList();
        }

        if (city)
        {
            breakdown = indicators.Where(i => i.Source.IsComputed()).Select(i => new RegionBreakdown(i,
                AnqingRegions.All.Where(r => r.Kind != RegionKind.City).Select(r => (r.Code, actuals.Actual(i, r.Code, year))).ToList(),
                actuals.Actual(i, regionCode, year), i.Source.IsAdditive())).ToList();
        }

        return new CockpitView(regionCode, AnqingRegions.NameOf(regionCode), year, today.Year, BaselineYear, elapsed, today, figures,
            actuals.Monthly(regionCode, year), sinceBaseline, absorbedRanking, progressRanking, breakdown);
    }

    /// <summary>Every number leads to the records it counts.</summary>
    public static string? DrillUrl(IndicatorSource source, string regionCode, int year) =>
        DrillList(source, regionCode, year) is { } url ? $"{url}&drill={source}" : null;

    private static string? DrillList(IndicatorSource source, string regionCode, int year) => source switch
    {
        IndicatorSource.HighTechCount => $"/enterprises?region={regionCode}&countedIn={year}",
        IndicatorSource.TechSmeCount => $"/enterprises/tech-sme?region={regionCode}&year={year}&confirmation=Confirmed",
        // A county's or park's 成交额 is its 输出 (issue 22); the city's is every contract registered at its points, never an
        // imported one (those are 吸纳 only).
        IndicatorSource.ContractAmount or IndicatorSource.TechAmount => regionCode == AnqingRegions.City
            ? $"/contracts?status=Registered&region={regionCode}&year={year}&origin=local"
            : $"/contracts?status=Registered&region={regionCode}&side=output&year={year}&origin=local",
        IndicatorSource.AbsorbedAmount => $"/contracts?status=Registered&region={regionCode}&side=absorbed&year={year}",
        IndicatorSource.OutputAmount => $"/contracts?status=Registered&region={regionCode}&side=output&year={year}&origin=local",
        _ => null,
    };
}
