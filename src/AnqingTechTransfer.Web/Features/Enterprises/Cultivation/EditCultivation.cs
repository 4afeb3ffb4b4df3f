using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Enterprises.Cultivation;

/// <summary>
/// The figures, target year and status of an entry are updated; the enterprise itself (credit code, name, county or
/// park) is not edited here. The version posted guards against a concurrent edit.
/// </summary>
public class EditCultivationHandler(PortalDbContext db) : IUseCase
{
    /// <summary>The form filled from the entry (null when the user's scope does not hold it).</summary>
    public async Task<CultivationForm?> FormAsync(Guid id, CancellationToken ct)
    {
        var entry = await db.CultivationEntries.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, ct);
        return entry is null ? null : new CultivationForm
        {
            CreditCode = entry.CreditCode, EnterpriseName = entry.EnterpriseName, RegionCode = entry.RegionCode, TargetYear = entry.TargetYear,
            Revenue = entry.Figures.Revenue, RdRatio = entry.Figures.RdRatio, TechStaffRatio = entry.Figures.TechStaffRatio,
            HighTechRevenueRatio = entry.Figures.HighTechRevenueRatio, CoreIpCount = entry.Figures.CoreIpCount, Status = entry.Status, Version = entry.Version,
        };
    }

    /// <summary>
    /// Found first, then the right, then the form: <paramref name="formValid"/> is the binder's verdict on the figures,
    /// target year and status (the enterprise's fields come from the entry).
    /// </summary>
    public async Task<RecordResult<Guid>> HandleAsync(Guid id, CultivationForm form, bool formValid, bool mayCultivate, CancellationToken ct)
    {
        var entry = await db.CultivationEntries.SingleOrDefaultAsync(e => e.Id == id, ct);
        if (entry is null)
        {
            return RecordResult<Guid>.NotFound;
        }

        if (!mayCultivate)
        {
            return RecordResult<Guid>.Forbidden;
        }

        (form.CreditCode, form.EnterpriseName, form.RegionCode) = (entry.CreditCode, entry.EnterpriseName, entry.RegionCode);
        if (!formValid)
        {
            return RecordResult<Guid>.Invalid([]);
        }

        db.Entry(entry).Property(e => e.Version).OriginalValue = form.Version ?? 0;
        var updated = FieldErrors.Try(() =>
        {
            entry.Update(form.TargetYear!.Value, form.Figures, form.Status);
            return id;
        });
        if (!updated.Succeeded)
        {
            return RecordResult<Guid>.Invalid(updated.Errors);
        }

        await db.SaveChangesAsync(ct);
        return RecordResult<Guid>.Done(id);
    }
}
