using AnqingTechTransfer.Domain.Targets;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Targets.Baselines;

/// <summary>
/// 录入基数: a scope's baseline of an indicator and year, created or replaced with its source (a demo value is shown
/// empty, to be replaced by the official one). The version posted guards against a concurrent edit.
/// </summary>
public class BaselineHandler(PortalDbContext db, ICurrentActor actor, TimeProvider clock) : IUseCase
{
    /// <summary>The form filled from the baseline, if any (null: no such indicator).</summary>
    public async Task<BaselineForm?> FormAsync(Guid indicator, string region, int year, CancellationToken ct)
    {
        var existing = await db.KpiBaselines.AsNoTracking().SingleOrDefaultAsync(b => b.IndicatorId == indicator && b.RegionCode == region && b.Year == year, ct);
        var form = existing is null
            ? new BaselineForm { IndicatorId = indicator, RegionCode = region, Year = year }
            : new BaselineForm
            {
                IndicatorId = indicator, RegionCode = region, Year = year, Value = existing.IsDemo ? null : existing.Value,
                SourceDocument = existing.IsDemo ? string.Empty : existing.SourceDocument, SourceUrl = existing.SourceUrl, Verified = existing.IsVerified, Version = existing.Version,
            };
        return await WithIndicatorAsync(form, existing?.IsDemo == true, ct);
    }

    /// <summary>Fills what the page shows beside the form (null: no such indicator).</summary>
    public async Task<BaselineForm?> WithIndicatorAsync(BaselineForm form, bool wasDemo, CancellationToken ct)
    {
        if (await db.Indicators.AsNoTracking().SingleOrDefaultAsync(i => i.Id == form.IndicatorId, ct) is not { } indicator)
        {
            return null;
        }

        (form.Indicator, form.WasDemo) = (indicator, wasDemo);
        return form;
    }

    /// <summary>Saves the baseline (null: no such active indicator, or a year out of range).</summary>
    public async Task<Outcome<bool>?> HandleAsync(BaselineForm form, bool formValid, CancellationToken ct)
    {
        if (!await db.Indicators.AnyAsync(i => i.Id == form.IndicatorId && i.IsActive, ct) || form.Year is < 2000 or > 2100)
        {
            return null;
        }

        form.SourceDocument ??= string.Empty;
        if (!formValid)
        {
            return Outcome<bool>.Failed([]);
        }

        var baseline = await db.KpiBaselines.SingleOrDefaultAsync(b => b.IndicatorId == form.IndicatorId && b.RegionCode == form.RegionCode && b.Year == form.Year, ct);
        var saved = FieldErrors.Try(() =>
        {
            if (baseline is null)
            {
                db.KpiBaselines.Add(KpiBaseline.Create(form.IndicatorId, form.RegionCode, form.Year, form.Value!.Value, form.SourceDocument, form.SourceUrl,
                    actor.DisplayName, form.Verified, false, clock.GetUtcNow()));
            }
            else
            {
                db.Entry(baseline).Property(b => b.Version).OriginalValue = form.Version ?? 0;
                baseline.Set(form.Value!.Value, form.SourceDocument, form.SourceUrl, actor.DisplayName, form.Verified, clock.GetUtcNow());
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
