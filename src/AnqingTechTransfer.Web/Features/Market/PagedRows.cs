using AnqingTechTransfer.Web.Features.Shared;

namespace AnqingTechTransfer.Web.Features.Market;

/// <summary>
/// A page of records turned into a page of rows in memory (for what EF does not count in SQL: the JSON documents of
/// events and commissioners), with the pager's figures kept.
/// </summary>
public static class PagedRows
{
    public static PagedList<TRow> Map<T, TRow>(this PagedList<T> page, Func<T, TRow> row) => new()
    {
        Items = page.Items.Select(row).ToList(),
        Page = page.Page, PageSize = page.PageSize, Total = page.Total, IsCapped = page.IsCapped,
    };
}
