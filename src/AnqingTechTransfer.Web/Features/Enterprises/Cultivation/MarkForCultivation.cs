using AnqingTechTransfer.Domain.Enterprises;
using AnqingTechTransfer.Domain.Regions;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Enterprises.Cultivation;

/// <summary>
/// A county, park or the bureau marks an enterprise for cultivation. A county or park marks its own enterprises; the
/// bureau chooses the county or park. An enterprise is in the pool once, city-wide. The answer is the new entry's id.
/// </summary>
public class MarkForCultivationHandler(PortalDbContext db, ICurrentActor actor, TimeProvider clock) : IUseCase
{
    /// <summary>The empty form: next year as the target, the user's own county or park.</summary>
    public CultivationForm New() => new() { TargetYear = Display.Local(clock.GetUtcNow()).Year + 1, RegionCode = OwnRegion };

    public async Task<Outcome<Guid>> HandleAsync(CultivationForm form, bool formValid, CancellationToken ct)
    {
        form.CreditCode = (form.CreditCode ?? string.Empty).Trim().ToUpperInvariant();
        form.EnterpriseName ??= string.Empty;
        List<FieldError> errors = [];
        var region = OwnRegion ?? form.RegionCode;
        if (region is null || !AnqingRegions.All.Any(r => r.Code == region && r.Kind != RegionKind.City))
        {
            errors.Add(new FieldError(nameof(form.RegionCode), "请选择所在县（市、区）或园区"));
        }

        if (formValid && errors.Count == 0 && await db.CultivationEntries.AnyAsync(e => e.CreditCode == form.CreditCode, ct))
        {
            errors.Add(new FieldError(nameof(form.CreditCode), "该企业已在高企培育库中"));
        }

        if (!formValid || errors.Count > 0)
        {
            return Outcome<Guid>.Failed(errors);
        }

        try
        {
            return await FieldErrors.TryAsync(async () =>
            {
                var organization = await db.Organizations.AsNoTracking().Where(o => o.CreditCode == form.CreditCode).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct);
                var entry = CultivationEntry.Mark(form.CreditCode, form.EnterpriseName, region!, organization, form.TargetYear!.Value, form.Figures, actor.DisplayName,
                    clock.GetUtcNow());
                db.CultivationEntries.Add(entry);
                await db.SaveChangesAsync(ct);
                return entry.Id;
            });
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            // Marked by another county or park, whose list this one cannot see: the credit code is unique city-wide.
            return Outcome<Guid>.Failed([new FieldError(nameof(form.CreditCode), "该企业已由其他县（市、区）或园区纳入高企培育库")]);
        }
    }

    private string? OwnRegion => actor.Scope == TenantScope.Region ? actor.RegionCode : null;
}
