using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace AnqingTechTransfer.Web.Features.Workspace;

/// <summary>
/// Every to-do of the user and their unread messages, counted in one statement (<see cref="TodoBatch"/>), once per request:
/// the workspace and the navigation bar of the same page share the count.
/// </summary>
public sealed class TodoCollector(PortalDbContext db, IEnumerable<ITodoSource> sources, IMemoryCache cache, DataWrites writes, ICurrentActor actor,
    TimeProvider clock) : IUseCase
{
    private readonly Dictionary<bool, Collected> _collected = [];

    public sealed record Collected(IReadOnlyList<TodoItem> Items, int Unread)
    {
        /// <summary>The navigation badge: every item that counts in the total (not those that highlight part of another).</summary>
        public int Total => Items.Where(t => t.CountsInTotal).Sum(t => t.Count);
    }

    /// <param name="active">The organization is active: the sources are asked (an organization not yet approved has no to-dos).</param>
    public async Task<Collected> CollectAsync(bool active, CancellationToken ct)
    {
        if (_collected.TryGetValue(active, out var done))
        {
            return done;
        }

        var batch = new TodoBatch();
        if (active)
        {
            foreach (var source in sources)
            {
                await source.CollectAsync(batch, ct);
            }
        }

        var unread = batch.Extra(db.Notifications.Where(n => n.ReadAt == null));
        var counted = await batch.RunAsync(cache, writes, actor.UserId, Display.Today(clock), ct);
        return _collected[active] = new Collected(counted.Items, counted.Extra(unread));
    }
}
