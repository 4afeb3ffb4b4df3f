using AnqingTechTransfer.Domain.Enterprises;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Enterprises.Qualifications;

public sealed record TechSmeRow(Guid Id, string EnterpriseName, string CreditCode, string RegionCode, int Year, string Number, Confirmation Confirmation, string? Warning, uint Version);

public sealed record TechSmeListPage(PagedList<TechSmeRow> Rows, QualificationFilters Filters, int? Year, int CurrentYear);

/// <summary>科技型中小企业入库登记: the registrations of the user's scope, by evaluation year.</summary>
public class TechSmeListHandler(PortalDbContext db, TimeProvider clock) : IUseCase
{
    public async Task<TechSmeListPage> HandleAsync(QualificationFilters filters, int? year, int page, CancellationToken ct)
    {
        var query = filters.Apply(db.TechSmeRecords.AsNoTracking());
        if (year is >= 2017 and <= 2100)
        {
            query = query.Where(r => r.Year == year);
        }

        if (filters.Term is { } term)
        {
            var pattern = filters.NamePattern;
            query = query.Where(r => EF.Functions.ILike(r.EnterpriseName, pattern) || r.CreditCode == term || r.Number == term);
        }

        var rows = await query.OrderBy(r => r.Confirmation).ThenByDescending(r => r.Year).ThenBy(r => r.EnterpriseName).ThenBy(r => r.Id)
            .Select(r => new TechSmeRow(r.Id, r.EnterpriseName, r.CreditCode, r.RegionCode, r.Year, r.Number, r.Confirmation, r.Warning, r.Version))
            .ToPagedListAsync(page, ct: ct);
        return new TechSmeListPage(rows, filters, year, Display.Local(clock.GetUtcNow()).Year);
    }
}
