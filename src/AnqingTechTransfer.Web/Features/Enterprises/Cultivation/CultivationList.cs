using AnqingTechTransfer.Domain.Enterprises;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Enterprises.Cultivation;

public sealed record CultivationRow(Guid Id, string EnterpriseName, string CreditCode, string RegionCode, int TargetYear, CultivationStatus Status,
    ReadinessFigures Figures, DateTimeOffset? LastNoteAt);

public sealed record CultivationListPage(PagedList<CultivationRow> Rows, string? Q, CultivationStatus? Status, int? TargetYear);

/// <summary>高企培育库: the entries of the user's scope (a county or park sees its own; the bureau all), with their latest note.</summary>
public class CultivationListHandler(PortalDbContext db) : IUseCase
{
    public async Task<CultivationListPage> HandleAsync(string? q, CultivationStatus? status, int? targetYear, int page, CancellationToken ct)
    {
        var query = db.CultivationEntries.AsNoTracking();
        if (status is { } s)
        {
            query = query.Where(e => e.Status == s);
        }

        if (targetYear is { } y)
        {
            query = query.Where(e => e.TargetYear == y);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            query = query.Where(e => EF.Functions.ILike(e.EnterpriseName, "%" + term + "%") || e.CreditCode == term.ToUpper());
        }

        var rows = await query.OrderBy(e => e.Status).ThenBy(e => e.TargetYear).ThenBy(e => e.EnterpriseName).ThenBy(e => e.Id)
            .Select(e => new CultivationRow(e.Id, e.EnterpriseName, e.CreditCode, e.RegionCode, e.TargetYear, e.Status, e.Figures, e.Notes.Max(n => (DateTimeOffset?)n.At)))
            .ToPagedListAsync(page, ct: ct);
        return new CultivationListPage(rows, q, status, targetYear);
    }
}
