using AnqingTechTransfer.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Enterprises;

/// <summary>
/// The headline counts per county or park, read from the summary the database keeps with the rules of
/// QualificationCounting (a high-tech enterprise counts in a year if a confirmed certificate is valid on 31 December, each
/// enterprise once; a tech-based SME counts in its registration year) — the same figures the cockpit shows. The tenant
/// filter limits what each user counts.
/// </summary>
public class QualificationCountHandler(PortalDbContext db) : Shared.IUseCase
{
    public async Task<IReadOnlyDictionary<string, int>> HighTechByRegionAsync(int year, CancellationToken ct) =>
        await db.QualificationYearCounts.AsNoTracking().Where(c => c.Year == year && c.HighTech > 0).ToDictionaryAsync(c => c.RegionCode, c => c.HighTech, ct);

    public async Task<IReadOnlyDictionary<string, int>> TechSmesByRegionAsync(int year, CancellationToken ct) =>
        await db.QualificationYearCounts.AsNoTracking().Where(c => c.Year == year && c.TechSme > 0).ToDictionaryAsync(c => c.RegionCode, c => c.TechSme, ct);
}
