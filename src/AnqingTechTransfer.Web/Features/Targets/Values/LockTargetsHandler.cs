using AnqingTechTransfer.Domain.Regions;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Targets.Values;

/// <summary>锁定 / 解锁: every yearly target of a scope in a plan period at once. The answer is the message to show (null: no such period).</summary>
public class LockTargetsHandler(PortalDbContext db, ICurrentActor actor, TimeProvider clock) : IUseCase
{
    public async Task<string?> HandleAsync(string region, Guid periodId, bool locking, CancellationToken ct)
    {
        var period = await db.PlanPeriods.AsNoTracking().SingleOrDefaultAsync(p => p.Id == periodId, ct);
        if (period is null)
        {
            return null;
        }

        var targets = await db.KpiTargets.Where(t => t.RegionCode == region && t.Year > period.BaselineYear && t.Year <= period.FinalYear && t.IsLocked != locking)
            .ToListAsync(ct);
        foreach (var target in targets)
        {
            if (locking)
            {
                target.Lock(actor.DisplayName, clock.GetUtcNow());
            }
            else
            {
                target.Unlock();
            }
        }

        await db.SaveChangesAsync(ct);
        return targets.Count == 0
            ? "没有需要" + (locking ? "锁定" : "解锁") + "的目标。"
            : $"已{(locking ? "锁定" : "解锁")} {AnqingRegions.NameOf(region)} {period.Name} 的 {targets.Count} 个年度目标。";
    }
}
