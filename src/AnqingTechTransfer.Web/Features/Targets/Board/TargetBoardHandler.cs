using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Targets.Board;

/// <summary>
/// The targets of one scope over a plan period (the one asked for, else the one covering this year, else the last): the
/// active indicators, their baselines, yearly targets and entered actuals.
/// </summary>
public class TargetBoardHandler(PortalDbContext db, TimeProvider clock) : IUseCase
{
    public async Task<TargetsView> HandleAsync(string scope, Guid? period, bool canSet, bool choosesRegion, CancellationToken ct)
    {
        var periods = await db.PlanPeriods.AsNoTracking().OrderBy(p => p.BaselineYear).ToListAsync(ct);
        var year = Display.Local(clock.GetUtcNow()).Year;
        var chosen = periods.FirstOrDefault(p => p.Id == period) ?? periods.FirstOrDefault(p => p.Covers(year)) ?? periods.LastOrDefault();
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.IsActive).OrderBy(i => i.SortOrder).ToListAsync(ct);
        var from = chosen?.BaselineYear ?? year;
        var to = chosen?.FinalYear ?? year;
        var baselines = await db.KpiBaselines.AsNoTracking().Where(b => b.RegionCode == scope && b.Year >= from && b.Year <= to).ToListAsync(ct);
        var targets = await db.KpiTargets.AsNoTracking().Where(t => t.RegionCode == scope && t.Year > from && t.Year <= to).ToListAsync(ct);
        var entered = await db.KpiEnteredValues.AsNoTracking().Where(e => e.RegionCode == scope && e.Year >= from && e.Year <= to).ToListAsync(ct);
        return new TargetsView(scope, periods, chosen, indicators,
            baselines.ToDictionary(b => (b.IndicatorId, b.Year)),
            targets.ToDictionary(t => (t.IndicatorId, t.Year), t => new TargetCell(t.Id, t.Value, t.IsLocked, t.LockedBy, t.Version)),
            entered.ToDictionary(e => (e.IndicatorId, e.Year)),
            canSet, choosesRegion);
    }
}
