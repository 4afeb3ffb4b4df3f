using AnqingTechTransfer.Domain.Targets;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Targets.Periods;

/// <summary>新增规划期: a plan period with years no other period has. The answer is the new period.</summary>
public class NewPlanPeriodHandler(PortalDbContext db, TimeProvider clock) : IUseCase
{
    public static PlanPeriodForm New() => new() { BaselineYear = 2025, FinalYear = 2030, Name = string.Empty };

    public async Task<Outcome<PlanPeriod>> HandleAsync(PlanPeriodForm form, bool formValid, CancellationToken ct)
    {
        form.Name ??= string.Empty;
        if (formValid && await db.PlanPeriods.AnyAsync(p => p.BaselineYear == form.BaselineYear && p.FinalYear == form.FinalYear, ct))
        {
            return Outcome<PlanPeriod>.Failed([new FieldError(nameof(form.FinalYear), "已有相同起止年度的规划期")]);
        }

        if (!formValid)
        {
            return Outcome<PlanPeriod>.Failed([]);
        }

        return await FieldErrors.TryAsync(async () =>
        {
            var period = PlanPeriod.Create(form.Name, form.BaselineYear!.Value, form.FinalYear!.Value, form.Multiple!.Value, form.Shape, clock.GetUtcNow());
            db.PlanPeriods.Add(period);
            await db.SaveChangesAsync(ct);
            return period;
        });
    }
}
