using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Shared;

/// <summary>
/// Several counts in one statement (issue 26): each query's rows are tagged with a constant, the tagged rows of all the
/// queries are put together with <c>UNION ALL</c> and counted by tag. Each count is exactly its own query's (with its tenant
/// filter), so a to-do or a tab counts what its list shows; only the round trips are saved.
/// </summary>
public sealed class CountUnion
{
    private readonly List<IQueryable<int>> _parts = [];

    public bool IsEmpty => _parts.Count == 0;

    /// <summary>Adds a query; its count is read under the returned tag.</summary>
    public int Add<T>(IQueryable<T> rows)
    {
        var tag = _parts.Count;
        var row = Expression.Parameter(typeof(T), "row");
        _parts.Add(rows.Select(Expression.Lambda<Func<T, int>>(Expression.Constant(tag), row)));
        return tag;
    }

    /// <summary>The counts by tag (a query without rows has none: read it with <c>GetValueOrDefault</c>); no statement when empty.</summary>
    public async Task<IReadOnlyDictionary<int, int>> CountAsync(CancellationToken ct)
    {
        var counts = new Dictionary<int, int>();
        if (_parts.Count == 0)
        {
            return counts;
        }

        var all = _parts.Skip(1).Aggregate(_parts[0], (union, part) => union.Concat(part));
        foreach (var row in await all.GroupBy(tag => tag).Select(g => new { Tag = g.Key, Count = g.Count() }).ToListAsync(ct))
        {
            counts[row.Tag] = row.Count;
        }

        return counts;
    }
}
