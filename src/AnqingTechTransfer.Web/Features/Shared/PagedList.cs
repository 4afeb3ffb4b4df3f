using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Shared;

/// <summary>One page of a list, with what the pager needs. Every list page of the portal pages through this.</summary>
public sealed class PagedList<T> : IPager
{
    public const int DefaultPageSize = 20;

    public required IReadOnlyList<T> Items { get; init; }
    public required int Page { get; init; }
    public required int PageSize { get; init; }
    public required int Total { get; init; }
    /// <summary>More match than were counted: the pager shows "Total+".</summary>
    public bool IsCapped { get; init; }
    public int PageCount => Math.Max(1, (int)Math.Ceiling(Total / (double)PageSize));
}

/// <summary>What the pager (_Pager.cshtml) shows of any page.</summary>
public interface IPager
{
    int Page { get; }
    int PageCount { get; }
    int Total { get; }
    bool IsCapped { get; }
}

public static class PagedListExtensions
{
    /// <summary>
    /// Counting stops this far past the page being shown: past a thousand matches people filter rather than page, and an exact
    /// count of a million rows costs more than the page. "下一页" always leads on: the cap moves with the page.
    /// </summary>
    public const int CountCap = 1_000;

    public static async Task<PagedList<T>> ToPagedListAsync<T>(this IQueryable<T> query, int page, int pageSize = PagedList<T>.DefaultPageSize,
        CancellationToken ct = default) => await query.ToPagedListAsync(query, page, pageSize, ct);

    /// <summary>
    /// The same, counting <paramref name="counted"/>: the same rows without an order that costs to compute (a search's
    /// relevance), so the count does not rank every match again.
    /// </summary>
    public static async Task<PagedList<T>> ToPagedListAsync<T, TCounted>(this IQueryable<T> query, IQueryable<TCounted> counted, int page,
        int pageSize = PagedList<T>.DefaultPageSize, CancellationToken ct = default)
    {
        pageSize = Math.Clamp(pageSize, 1, 100);
        page = Math.Clamp(page, 1, 100_000);
        var skip = (page - 1) * pageSize;
        var items = await query.Skip(skip).Take(pageSize).ToListAsync(ct);
        int total;
        bool capped = false;
        if (items.Count < pageSize && (items.Count > 0 || skip == 0))
        {
            // The last page (or an empty first one): the total is known without counting.
            total = skip + items.Count;
        }
        else
        {
            var limit = skip + CountCap;
            total = await counted.Take(limit + 1).CountAsync(ct);
            capped = total > limit;
            total = Math.Min(total, limit);
            if (items.Count == 0 && total > 0)
            {
                // Past the end (a stale link): show the last page instead.
                page = (int)Math.Ceiling(total / (double)pageSize);
                items = await query.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
            }
        }

        return new PagedList<T> { Items = items, Page = items.Count == 0 ? 1 : page, PageSize = pageSize, Total = total, IsCapped = capped };
    }
}
