using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.Extensions.Caching.Memory;

namespace AnqingTechTransfer.Web.Features.Workspace;

/// <summary>
/// The to-dos of one user, gathered from every <see cref="ITodoSource"/> and counted in <b>one statement</b> (issue 26): each
/// count is its source's own query (the same the list it opens runs, through the tenant filter), and all of them are sent
/// together as one <c>UNION ALL</c> of tagged rows grouped by tag, so a count stays exactly what its list shows. An item
/// that cannot be a count of one query (the calendar outlook) is a <see cref="Derived"/> item: it runs its
/// own statements, and its result is kept per user until a table it reads is written through this instance
/// (<see cref="DataWrites"/>) or for <see cref="DerivedLifetime"/> (the bound for writes made through another instance).
/// </summary>
public sealed class TodoBatch
{
    public static readonly TimeSpan DerivedLifetime = TimeSpan.FromSeconds(30);

    private readonly CountUnion _counts = new();
    private readonly List<Func<IReadOnlyDictionary<int, int>, CancellationToken, Task<IReadOnlyList<TodoItem>>>> _items = [];

    /// <summary>An item that counts the rows of a query.</summary>
    public void Count<T>(IQueryable<T> rows, Func<int, TodoItem> item)
    {
        var tag = _counts.Add(rows);
        _items.Add((counts, _) => Task.FromResult<IReadOnlyList<TodoItem>>([item(counts.GetValueOrDefault(tag))]));
    }

    /// <summary>A count that is no item of its own (the unread messages of the layout): read from <see cref="Counted.Extra"/>.</summary>
    public int Extra<T>(IQueryable<T> rows)
    {
        return _counts.Add(rows);
    }

    /// <summary>An item known without counting.</summary>
    public void Add(TodoItem item) => _items.Add((_, _) => Task.FromResult<IReadOnlyList<TodoItem>>([item]));

    /// <summary>
    /// Items that need their own statements, kept under <paramref name="key"/> (the user is added) until one of the
    /// <paramref name="reads"/> tables is written through this instance, the day changes or <see cref="DerivedLifetime"/> ends.
    /// </summary>
    /// <param name="shared">The items are the same for every user who has them (the city's calendar): kept once, not per user.</param>
    public void Derived(string key, Type[] reads, Func<CancellationToken, Task<IReadOnlyList<TodoItem>>> items, bool shared = false) =>
        _items.Add((_, ct) => _derived!(key, shared, reads, items, ct));

    private Func<string, bool, Type[], Func<CancellationToken, Task<IReadOnlyList<TodoItem>>>, CancellationToken, Task<IReadOnlyList<TodoItem>>>? _derived;

    /// <summary>The counts, in one statement (none when nothing is counted), then the items in the sources' order.</summary>
    public async Task<Counted> RunAsync(IMemoryCache cache, DataWrites writes, Guid userId, DateOnly today, CancellationToken ct)
    {
        _derived = (key, shared, reads, items, token) => cache.GetOrCreateAsync((nameof(TodoBatch), key, shared ? Guid.Empty : userId, today, writes.VersionOf(reads)), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = DerivedLifetime;
            return items(token);
        })!;
        var counts = await _counts.CountAsync(ct);
        var items = new List<TodoItem>();
        foreach (var item in _items)
        {
            items.AddRange(await item(counts, ct));
        }

        return new Counted(items, counts);
    }

    public sealed record Counted(IReadOnlyList<TodoItem> Items, IReadOnlyDictionary<int, int> Counts)
    {
        public int Extra(int tag) => Counts.GetValueOrDefault(tag);
    }
}
