using AnqingTechTransfer.Domain.Enterprises;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Enterprises.Qualifications;

public sealed record SpecializedRow(Guid Id, string EnterpriseName, string CreditCode, string RegionCode, SpecializedLevel Level, int Year, Confirmation Confirmation, uint Version);

public sealed record SpecializedListPage(PagedList<SpecializedRow> Rows, QualificationFilters Filters, SpecializedLevel? Level);

/// <summary>专精特新: the provincial and national recognitions of the user's scope, by year.</summary>
public class SpecializedListHandler(PortalDbContext db) : IUseCase
{
    public async Task<SpecializedListPage> HandleAsync(QualificationFilters filters, SpecializedLevel? level, int page, CancellationToken ct)
    {
        var query = filters.Apply(db.SpecializedRecords.AsNoTracking());
        if (level is { } l)
        {
            query = query.Where(r => r.Level == l);
        }

        if (filters.Term is { } term)
        {
            var pattern = filters.NamePattern;
            query = query.Where(r => EF.Functions.ILike(r.EnterpriseName, pattern) || r.CreditCode == term);
        }

        var rows = await query.OrderBy(r => r.Confirmation).ThenByDescending(r => r.Year).ThenBy(r => r.EnterpriseName).ThenBy(r => r.Id)
            .Select(r => new SpecializedRow(r.Id, r.EnterpriseName, r.CreditCode, r.RegionCode, r.Level, r.Year, r.Confirmation, r.Version))
            .ToPagedListAsync(page, ct: ct);
        return new SpecializedListPage(rows, filters, level);
    }
}
