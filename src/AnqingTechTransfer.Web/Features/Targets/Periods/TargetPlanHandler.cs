using AnqingTechTransfer.Domain.Targets;
using AnqingTechTransfer.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Targets.Periods;

public sealed record PlanOutcome(int Created, int Updated, int Locked);

/// <summary>
/// Generates a plan period's yearly targets from the baselines of its baseline year: for every indicator and scope with
/// a baseline, the path to baseline × multiple (geometric by default). Locked targets are left as they are; the others
/// are created or overwritten, and can be edited one by one afterwards.
/// </summary>
public class TargetPlanHandler(PortalDbContext db, TimeProvider clock) : Shared.IUseCase
{
    /// <summary>Generates the period's targets and saves them (null: no such period).</summary>
    public async Task<(PlanPeriod Period, PlanOutcome Outcome)?> GenerateAsync(Guid periodId, CancellationToken ct)
    {
        var period = await db.PlanPeriods.AsNoTracking().SingleOrDefaultAsync(p => p.Id == periodId, ct);
        if (period is null)
        {
            return null;
        }

        var outcome = await GenerateAsync(period, clock.GetUtcNow(), ct);
        await db.SaveChangesAsync(ct);
        return (period, outcome);
    }

    public async Task<PlanOutcome> GenerateAsync(PlanPeriod period, DateTimeOffset now, CancellationToken ct)
    {
        var baselines = await db.KpiBaselines.Where(b => b.Year == period.BaselineYear).ToListAsync(ct);
        var existing = await db.KpiTargets.Where(t => t.Year > period.BaselineYear && t.Year <= period.FinalYear).ToListAsync(ct);
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.IsActive).Select(i => new { i.Id, i.Unit }).ToDictionaryAsync(i => i.Id, i => i.Unit, ct);
        int created = 0, updated = 0, locked = 0;
        foreach (var baseline in baselines.Where(b => indicators.ContainsKey(b.IndicatorId)))
        {
            if (period.Shape == PathShape.Geometric && baseline.Value == 0)
            {
                continue;
            }

            foreach (var (year, value) in period.PathFrom(baseline.Value, Indicator.IsCountUnit(indicators[baseline.IndicatorId])))
            {
                var target = existing.FirstOrDefault(t => t.IndicatorId == baseline.IndicatorId && t.RegionCode == baseline.RegionCode && t.Year == year);
                if (target is null)
                {
                    db.KpiTargets.Add(KpiTarget.Create(baseline.IndicatorId, baseline.RegionCode, year, value, period.Id, now));
                    created++;
                }
                else if (target.IsLocked)
                {
                    locked++;
                }
                else if (target.Value != value)
                {
                    target.SetValue(value);
                    updated++;
                }
            }
        }

        return new PlanOutcome(created, updated, locked);
    }
}
