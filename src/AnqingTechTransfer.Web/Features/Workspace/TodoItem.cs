namespace AnqingTechTransfer.Web.Features.Workspace;

/// <summary>Something waiting for the current user: what, how many, and where to act on it.</summary>
/// <param name="CountsInTotal">False for a line that highlights part of another (e.g. the overdue among the queued): the navigation badge does not add it twice.</param>
public sealed record TodoItem(string Module, string Title, int Count, string Url, bool CountsInTotal = true);

/// <summary>
/// Each module registers one or more sources (found by type at start-up). A source adds nothing for users it does not
/// concern. It adds its counts as queries through the tenant-filtered DbContext (so counts respect tenancy), and the
/// batch sends every source's counts in one statement (<see cref="TodoBatch"/>).
/// </summary>
public interface ITodoSource
{
    Task CollectAsync(TodoBatch batch, CancellationToken ct);
}
