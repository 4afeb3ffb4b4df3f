namespace AnqingTechTransfer.Web.Features.Workspace;

/// <summary>Something waiting for the current user: what, how many, and where to act on it.</summary>
/// <param name="CountsInTotal">False for a line that highlights part of another (e.g. the overdue among the queued): the navigation badge does not add it twice.</param>
public sealed record TodoItem(string Module, string Title, int Count, string Url, bool CountsInTotal = true);

/// <summary>
/// Each module registers one or more sources (found by type at start-up). A source returns nothing for users it
/// does not concern, and counts through the tenant-filtered DbContext so that counts respect tenancy.
/// </summary>
public interface ITodoSource
{
    Task<IReadOnlyList<TodoItem>> GetAsync(CancellationToken ct);
}
