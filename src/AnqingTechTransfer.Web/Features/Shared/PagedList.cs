using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Shared;

/// <summary>One page of a list, with what the pager needs. Every list page of the portal pages through this.</summary>
public sealed class PagedList<T>
{
    public const int DefaultPageSize = 20;

    public required IReadOnlyList<T> Items { get; init; }
    public required int Page { get; init; }
    public required int PageSize { get; init; }
    public required int Total { get; init; }
    public int PageCount => Math.Max(1, (int)Math.Ceiling(Total / (double)PageSize));
}

public static class PagedListExtensions
{
    /// <summary>Counting stops here: past ten thousand matches nobody pages, and an exact count of a million rows costs more than the page.</summary>
    public const int CountCap = 10_000;

    public static async Task<PagedList<T>> ToPagedListAsync<T>(this IQueryable<T> query, int page, int pageSize = PagedList<T>.DefaultPageSize,
        CancellationToken ct = default)
    {
        pageSize = Math.Clamp(pageSize, 1, 100);
        // Total reaches CountCap at most; the pager then shows "10000+".
        var total = Math.Min(await query.Take(CountCap + 1).CountAsync(ct), CountCap);
        var pageCount = Math.Max(1, (int)Math.Ceiling(total / (double)pageSize));
        page = Math.Clamp(page, 1, pageCount);
        var items = await query.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new PagedList<T> { Items = items, Page = page, PageSize = pageSize, Total = total };
    }
}
