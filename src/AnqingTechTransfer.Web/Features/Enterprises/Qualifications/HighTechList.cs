using AnqingTechTransfer.Domain.CodeTables;
using AnqingTechTransfer.Domain.Enterprises;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Administration.CodeTables;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Enterprises.Qualifications;

public sealed record HighTechRow(Guid Id, string EnterpriseName, string CreditCode, string RegionCode, string Number, DateOnly IssuedOn, DateOnly ValidUntil,
    HighTechMode Mode, string FieldCode, Confirmation Confirmation, string? Warning, uint Version);

/// <summary>The headline counts of a year for the user's scope, by county or park (shown to those who do not enter).</summary>
public sealed record QualificationCounts(int Year, int CurrentYear, IReadOnlyDictionary<string, int> HighTech, IReadOnlyDictionary<string, int> TechSmes);

public sealed record HighTechListPage(PagedList<HighTechRow> Rows, QualificationFilters Filters, int? CountedIn, IReadOnlyDictionary<string, string> Fields,
    QualificationCounts? Counts);

/// <summary>
/// 高新技术企业证书: the certificates of the user's scope (tenant filter), with the cockpit's drill-down (the certificates
/// counted in a year) and, for those who do not enter certificates, the year's counts by county and park.
/// </summary>
public class HighTechListHandler(PortalDbContext db, CodeTableLookupHandler codes, QualificationCountHandler counts, TimeProvider clock) : IUseCase
{
    public async Task<HighTechListPage> HandleAsync(QualificationFilters filters, int? year, int? countedIn, int page, CancellationToken ct)
    {
        var fields = await codes.NamesAsync(CodeTableCatalog.HnteField, ct);
        QualificationCounts? headline = null;
        if (!filters.IsEnterprise)
        {
            var current = Display.Local(clock.GetUtcNow()).Year;
            var chosen = year is >= 2017 && year <= current ? year.Value : current;
            headline = new QualificationCounts(chosen, current, await counts.HighTechByRegionAsync(chosen, ct), await counts.TechSmesByRegionAsync(chosen, ct));
        }

        return new HighTechListPage(await Query(filters, countedIn).ToPagedListAsync(page, ct: ct), filters, countedIn, fields, headline);
    }

    /// <summary>The rows of the list (and of its export), in its order.</summary>
    public IQueryable<HighTechRow> Query(QualificationFilters filters, int? countedIn)
    {
        var query = filters.Apply(db.HighTechRecords.AsNoTracking());
        if (countedIn is >= 2000 and <= 2100)
        {
            // The cockpit's drill-down: the confirmed certificates valid on 31 December of the year (an enterprise
            // re-recognised that year shows both certificates; it counts once).
            var yearEnd = new DateOnly(countedIn.Value, 12, 31);
            query = query.Where(r => r.Confirmation == Confirmation.Confirmed && r.IssuedOn <= yearEnd && r.ValidUntil >= yearEnd);
        }

        if (filters.Term is { } term)
        {
            var pattern = filters.NamePattern;
            query = query.Where(r => EF.Functions.ILike(r.EnterpriseName, pattern) || r.CreditCode == term || r.Number == term);
        }

        return query.OrderBy(r => r.Confirmation).ThenByDescending(r => r.IssuedOn).ThenBy(r => r.Id)
            .Select(r => new HighTechRow(r.Id, r.EnterpriseName, r.CreditCode, r.RegionCode, r.Number, r.IssuedOn, r.ValidUntil, r.Mode, r.FieldCode, r.Confirmation, r.Warning, r.Version));
    }
}
