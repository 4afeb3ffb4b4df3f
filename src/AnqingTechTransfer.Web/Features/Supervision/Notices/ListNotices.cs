using AnqingTechTransfer.Domain.Notices;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Supervision.Notices;

public sealed record NoticeListView(PagedList<Notice> Notices, NoticeKind? Kind, bool IsBureau, DateOnly Today);

/// <summary>The notices, newest first: withdrawn ones are off the public list; the bureau sees them marked.</summary>
public class ListNoticesHandler(PortalDbContext db, TimeProvider clock) : IUseCase
{
    /// <summary>The latest published notices, for the home page.</summary>
    public static Task<List<Notice>> LatestAsync(PortalDbContext db, int count, CancellationToken ct) =>
        db.Notices.AsNoTracking().Where(n => !n.IsWithdrawn).OrderByDescending(n => n.PublishedOn).ThenByDescending(n => n.CreatedAt).Take(count).ToListAsync(ct);

    public async Task<NoticeListView> HandleAsync(NoticeKind? kind, int page, bool publishes, CancellationToken ct)
    {
        var query = db.Notices.AsNoTracking().Where(n => !n.IsWithdrawn || publishes);
        query = kind is { } k ? query.Where(n => n.Kind == k) : query;
        var notices = await query.OrderByDescending(n => n.PublishedOn).ThenByDescending(n => n.CreatedAt).ThenBy(n => n.Id).ToPagedListAsync(page, ct: ct);
        return new NoticeListView(notices, kind, publishes, Display.Today(clock));
    }
}
