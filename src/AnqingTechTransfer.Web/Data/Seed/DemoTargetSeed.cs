using AnqingTechTransfer.Domain.Regions;
using AnqingTechTransfer.Domain.Targets;
using AnqingTechTransfer.Web.Features.Targets;
using AnqingTechTransfer.Web.Features.Targets.Periods;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Data.Seed;

/// <summary>
/// Demo baselines and targets. Anqing's official 2021 figures are not known to us (DOMAIN.md §6): every demo baseline is
/// marked as demo data (shown as such on the cockpit) and is replaced when the bureau enters the official value. A
/// second, demo plan period (2025 → 2030) shows that a new period needs no code.
/// </summary>
public static class DemoTargetSeed
{
    public const string DemoSource = "示例数据（非官方），请市科技局录入官方数据";

    public static async Task RunAsync(PortalDbContext db, DateTimeOffset now)
    {
        if (await db.KpiBaselines.AnyAsync())
        {
            return;
        }

        var indicators = await db.Indicators.Where(i => i.IsActive).ToListAsync();
        var actuals = await IndicatorActuals.LoadAsync(db, AnqingRegions.City, CancellationToken.None);
        var next = PlanPeriod.Create("“十五五”科技成果转化目标（示例）", 2025, 2030, 2m, PathShape.Geometric, now);
        db.PlanPeriods.Add(next);
        foreach (var indicator in indicators.Where(i => i.Source.IsComputed()))
        {
            foreach (var region in AnqingRegions.All)
            {
                foreach (var year in new[] { 2021, 2025 })
                {
                    // The demo records are few: a floor keeps the demo targets meaningful.
                    var actual = actuals.Actual(indicator, region.Code, year) ?? 0;
                    var floor = indicator.Source is IndicatorSource.HighTechCount or IndicatorSource.TechSmeCount ? 2m : 50m;
                    var value = Math.Max(actual, region.Kind == RegionKind.City ? floor * 6 : floor);
                    db.KpiBaselines.Add(KpiBaseline.Create(indicator.Id, region.Code, year, value, DemoSource, null, "系统（示例数据）", false, true, now));
                }
            }
        }

        await db.SaveChangesAsync();
        var planner = new TargetPlanHandler(db, TimeProvider.System);
        foreach (var period in await db.PlanPeriods.ToListAsync())
        {
            await planner.GenerateAsync(period, now, CancellationToken.None);
        }

        await db.SaveChangesAsync();
    }
}
