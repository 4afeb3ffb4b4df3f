using AnqingTechTransfer.Domain.Notices;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Supervision.Notices;

/// <summary>The list's search (title and body) and filters: kind, publishing unit, plan measure, year published.</summary>
public sealed record NoticeQuery(string? Q, NoticeKind? Kind, Guid? Publisher, Guid? Measure, int? Year);

public sealed record NoticeFilterOption(Guid Id, string Name);

public sealed record NoticeListView(PagedList<Notice> Notices, NoticeQuery Query, IReadOnlyList<NoticeFilterOption> Publishers, IReadOnlyList<NoticeFilterOption> Measures,
    IReadOnlyList<int> Years, bool IsBureau, bool MayPublish, DateOnly Today);

/// <summary>
/// The notices, newest first, searched by title and body (ILIKE, served by trigram indexes) and filtered by kind, publisher,
/// measure and year: withdrawn ones are off the public list (the tenant filter); the bureau sees them marked. The filters offer
/// the publishers, measures and years of the notices the user can see.
/// </summary>
public class ListNoticesHandler(PortalDbContext db, NoticePermissions permissions, TimeProvider clock) : IUseCase
{
    /// <summary>The latest published notices, for the home page.</summary>
    public static Task<List<Notice>> LatestAsync(PortalDbContext db, int count, CancellationToken ct) =>
        db.Notices.AsNoTracking().Where(n => !n.IsWithdrawn).OrderByDescending(n => n.PublishedOn).ThenByDescending(n => n.CreatedAt).Take(count).ToListAsync(ct);

    public async Task<NoticeListView> HandleAsync(NoticeQuery filter, int page, CancellationToken ct)
    {
        var publishes = permissions.Publishes;
        var visible = db.Notices.AsNoTracking().Where(n => !n.IsWithdrawn || publishes);
        var query = visible;
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var pattern = "%" + filter.Q.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            query = query.Where(n => EF.Functions.ILike(n.Title, pattern) || EF.Functions.ILike(n.Body, pattern));
        }

        query = filter.Kind is { } k ? query.Where(n => n.Kind == k) : query;
        query = filter.Publisher is { } p ? query.Where(n => n.PublishedByOrganizationId == p) : query;
        query = filter.Measure is { } m ? query.Where(n => n.MeasureId == m) : query;
        if (filter.Year is { } y and > 1900 and < 3000)
        {
            var (from, to) = (new DateOnly(y, 1, 1), new DateOnly(y + 1, 1, 1));
            query = query.Where(n => n.PublishedOn >= from && n.PublishedOn < to);
        }

        var notices = await query.OrderByDescending(n => n.PublishedOn).ThenByDescending(n => n.CreatedAt).ThenBy(n => n.Id).ToPagedListAsync(page, ct: ct);
        var publishers = (await visible.Select(n => new { n.PublishedByOrganizationId, n.PublisherName }).Distinct().ToListAsync(ct))
            .GroupBy(x => x.PublishedByOrganizationId).Select(g => new NoticeFilterOption(g.Key, g.Select(x => x.PublisherName).FirstOrDefault(n => n.Length > 0) ?? "市科技局"))
            .OrderBy(o => o.Name, StringComparer.Ordinal).ToList();
        var measures = (await visible.Where(n => n.MeasureId != null).Select(n => new { n.MeasureId, n.MeasureLabel }).Distinct().ToListAsync(ct))
            .GroupBy(x => x.MeasureId!.Value).Select(g => new NoticeFilterOption(g.Key, g.First().MeasureLabel ?? string.Empty)).OrderBy(o => o.Name, StringComparer.Ordinal).ToList();
        var years = await visible.Select(n => n.PublishedOn.Year).Distinct().OrderByDescending(x => x).ToListAsync(ct);
        return new NoticeListView(notices, filter, publishers, measures, years, permissions.Publishes, permissions.Publishes || permissions.ActsAsLead, Display.Today(clock));
    }
}
