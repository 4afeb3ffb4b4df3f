using AnqingTechTransfer.Domain.Supervision;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Supervision.Measures;

/// <summary>What opening the next plan period did: its years and how many open measures were carried over.</summary>
public sealed record OpenedPeriod(int Start, int End, int Carried);

/// <summary>
/// The bureau opens the next plan period (e.g. 2026–2030) in one step: every open measure of the current period is carried
/// over with the new deadline (same number, text and leads), and the current period's measures are closed (read-only, 已结束).
/// A broken rule stays the filter's flash message (the confirmation form sits on the board).
/// </summary>
public class OpenPlanPeriodHandler(PortalDbContext db, SupervisionPermissions permissions, TimeProvider clock) : IUseCase
{
    public async Task<RecordResult<OpenedPeriod>> HandleAsync(int? startYear, int? endYear, DateOnly? deadline, CancellationToken ct)
    {
        if (!permissions.Reviews)
        {
            return RecordResult<OpenedPeriod>.Forbidden;
        }

        var current = await db.PlanMeasures.Where(m => !m.PeriodClosed).ToListAsync(ct);
        var carried = MeasurePeriods.OpenNext(current, startYear, endYear, deadline, clock.GetUtcNow());
        db.PlanMeasures.AddRange(carried);
        await db.SaveChangesAsync(ct);
        return RecordResult<OpenedPeriod>.Done(new OpenedPeriod(startYear!.Value, endYear!.Value, carried.Count));
    }
}
