using AnqingTechTransfer.Domain.CodeTables;
using AnqingTechTransfer.Domain.Experts;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Administration.CodeTables;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Experts.Pool;

public sealed record ExpertRow(Guid Id, string Name, ExpertProfile Profile, ExpertStatus Status, DateOnly? NextEvaluationDue, int Credit);

/// <summary>The pool's list: the filters as asked, the bureau's view of it, the experts due for re-evaluation, the field names.</summary>
public sealed record ExpertListPage(string? Q, ExpertStatus? Status, bool Due, bool IsBureau, int DueCount, IReadOnlyDictionary<string, string> Fields,
    PagedList<ExpertRow> Rows);

/// <summary>The experts in the reader's scope by status, name and re-evaluation due, with each one's credit score today.</summary>
public sealed class ExpertListHandler(PortalDbContext db, CodeTableLookupHandler codes, TimeProvider clock) : IUseCase
{
    public async Task<ExpertListPage> HandleAsync(string? q, ExpertStatus? status, bool due, int page, bool isBureau, CancellationToken ct)
    {
        var fields = await codes.NamesAsync(CodeTableCatalog.TechnicalField, ct);
        var today = Display.Today(clock);
        var query = db.Experts.AsNoTracking();
        if (status is { } s)
        {
            query = query.Where(e => e.Status == s);
        }

        if (due)
        {
            query = query.Where(e => e.Status == ExpertStatus.Active && e.NextEvaluationDue <= today);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            query = query.Where(e => EF.Functions.ILike(e.Name, "%" + q.Trim() + "%"));
        }

        var dueCount = await db.Experts.CountAsync(e => e.Status == ExpertStatus.Active && e.NextEvaluationDue <= today, ct);
        var pageOf = await query.OrderBy(e => e.Status).ThenBy(e => e.Name).ThenBy(e => e.Id).Include(e => e.Events).ToPagedListAsync(page, ct: ct);
        var penalties = await db.PenaltiesAsync(pageOf.Items.Select(e => e.IdNumberKey), today, ct);
        var rows = new PagedList<ExpertRow>
        {
            Items = pageOf.Items.Select(e => new ExpertRow(e.Id, e.Name, e.Profile, e.Status, e.NextEvaluationDue,
                e.CreditScore(today, penalties.GetValueOrDefault(e.IdNumberKey)))).ToList(),
            Page = pageOf.Page, PageSize = pageOf.PageSize, Total = pageOf.Total, IsCapped = pageOf.IsCapped,
        };
        return new ExpertListPage(q, status, due, isBureau, dueCount, fields, rows);
    }
}
