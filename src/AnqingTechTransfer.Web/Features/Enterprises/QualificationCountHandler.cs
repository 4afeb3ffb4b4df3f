using AnqingTechTransfer.Domain.Enterprises;
using AnqingTechTransfer.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Enterprises;

/// <summary>
/// The headline counts per county or park, computed in the database with the rules of QualificationCounting: a high-tech
/// enterprise counts in a year if a confirmed certificate is valid on 31 December (each enterprise once); a tech-based
/// SME counts in its registration year. The tenant filter limits what each user counts.
/// </summary>
public class QualificationCountHandler(PortalDbContext db)
{
    public async Task<IReadOnlyDictionary<string, int>> HighTechByRegionAsync(int year, CancellationToken ct)
    {
        var yearEnd = new DateOnly(year, 12, 31);
        return await db.HighTechRecords.AsNoTracking()
            .Where(r => r.Confirmation == Confirmation.Confirmed && r.IssuedOn <= yearEnd && r.ValidUntil >= yearEnd)
            .GroupBy(r => r.RegionCode)
            .Select(g => new { g.Key, Count = g.Select(r => r.CreditCode).Distinct().Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
    }

    public async Task<IReadOnlyDictionary<string, int>> TechSmesByRegionAsync(int year, CancellationToken ct) =>
        await db.TechSmeRecords.AsNoTracking()
            .Where(r => r.Confirmation == Confirmation.Confirmed && r.Year == year)
            .GroupBy(r => r.RegionCode)
            .Select(g => new { g.Key, Count = g.Select(r => r.CreditCode).Distinct().Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
}
