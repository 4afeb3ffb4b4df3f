using AnqingTechTransfer.Domain.Targets;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Targets.Values;

/// <summary>
/// 设定目标 / 录入实际值: a scope's yearly target of an indicator (refused while locked), or the actual value of an entered
/// indicator with its source. The version posted guards against a concurrent edit.
/// </summary>
public class TargetValueHandler(PortalDbContext db, ICurrentActor actor, TimeProvider clock) : IUseCase
{
    /// <summary>The form filled from the value, if any (null: no such indicator; <see cref="TargetValueForm.IsLocked"/>: the target is locked).</summary>
    public async Task<TargetValueForm?> FormAsync(Guid indicator, string region, int year, bool actual, CancellationToken ct)
    {
        var form = new TargetValueForm { IndicatorId = indicator, RegionCode = region, Year = year, IsActual = actual };
        if (actual)
        {
            var entered = await db.KpiEnteredValues.AsNoTracking().SingleOrDefaultAsync(e => e.IndicatorId == indicator && e.RegionCode == region && e.Year == year, ct);
            (form.Value, form.SourceDocument, form.Version) = (entered?.Value, entered?.SourceDocument, entered?.Version);
        }
        else
        {
            var target = await db.KpiTargets.AsNoTracking().SingleOrDefaultAsync(t => t.IndicatorId == indicator && t.RegionCode == region && t.Year == year, ct);
            if (target is { IsLocked: true })
            {
                form.IsLocked = true;
                return form;
            }

            (form.Value, form.Version) = (target?.Value, target?.Version);
        }

        return await WithIndicatorAsync(form, ct);
    }

    /// <summary>Fills the indicator the page shows (null: no such indicator).</summary>
    public async Task<TargetValueForm?> WithIndicatorAsync(TargetValueForm form, CancellationToken ct)
    {
        if (await db.Indicators.AsNoTracking().SingleOrDefaultAsync(i => i.Id == form.IndicatorId, ct) is not { } indicator)
        {
            return null;
        }

        form.Indicator = indicator;
        return form;
    }

    /// <summary>Saves the target or the actual (null: no such active indicator, a year out of range, or an actual of a computed indicator).</summary>
    public async Task<Outcome<bool>?> HandleAsync(TargetValueForm form, bool formValid, CancellationToken ct)
    {
        var indicator = await db.Indicators.AsNoTracking().SingleOrDefaultAsync(i => i.Id == form.IndicatorId && i.IsActive, ct);
        if (indicator is null || form.Year is < 2000 or > 2100 || (form.IsActual && indicator.Source.IsComputed()))
        {
            return null;
        }

        List<FieldError> errors = form.IsActual && string.IsNullOrWhiteSpace(form.SourceDocument) ? [new FieldError(nameof(form.SourceDocument), "请填写数据来源")] : [];
        if (!formValid || errors.Count > 0)
        {
            return Outcome<bool>.Failed(errors);
        }

        var now = clock.GetUtcNow();
        var saved = await FieldErrors.TryAsync(async () =>
        {
            if (form.IsActual)
            {
                var entered = await db.KpiEnteredValues.SingleOrDefaultAsync(e => e.IndicatorId == form.IndicatorId && e.RegionCode == form.RegionCode && e.Year == form.Year, ct);
                if (entered is null)
                {
                    db.KpiEnteredValues.Add(KpiEnteredValue.Create(form.IndicatorId, form.RegionCode, form.Year, form.Value!.Value, form.SourceDocument!, actor.DisplayName, now));
                }
                else
                {
                    db.Entry(entered).Property(e => e.Version).OriginalValue = form.Version ?? 0;
                    entered.Set(form.Value!.Value, form.SourceDocument!, actor.DisplayName, now);
                }
            }
            else
            {
                var target = await db.KpiTargets.SingleOrDefaultAsync(t => t.IndicatorId == form.IndicatorId && t.RegionCode == form.RegionCode && t.Year == form.Year, ct);
                if (target is null)
                {
                    db.KpiTargets.Add(KpiTarget.Create(form.IndicatorId, form.RegionCode, form.Year, form.Value!.Value, null, now));
                }
                else
                {
                    db.Entry(target).Property(t => t.Version).OriginalValue = form.Version ?? 0;
                    target.SetValue(form.Value!.Value);
                }
            }

            return true;
        });
        if (saved.Succeeded)
        {
            await db.SaveChangesAsync(ct);
        }

        return saved;
    }
}
