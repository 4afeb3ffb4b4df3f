using System.Linq.Expressions;
using AnqingTechTransfer.Domain.Search;
using AnqingTechTransfer.Web.Features.Shared;

namespace AnqingTechTransfer.Web.Infrastructure.Search;

/// <summary>
/// One page of a list searched by words (ADR 0017): the rows, the words to mark in them, and the long words' parts that
/// stood in when no row had every word (empty otherwise).
/// </summary>
public sealed record SearchedPage<T>(PagedList<T> Rows, IReadOnlyList<string> Marks, IReadOnlyList<string> StandIns)
{
    /// <summary>
    /// Pages <paramref name="query"/> (already filtered, and already narrowed by substring when the query is short): by
    /// words, best match first and then the list's own order, relaxed when the strict words find nothing; otherwise in the
    /// list's own order. The count is taken without the relevance order.
    /// </summary>
    public static async Task<SearchedPage<T>> OfAsync<TEntity>(WordQuery words, IQueryable<TEntity> query, Func<IQueryable<TEntity>, IOrderedQueryable<TEntity>> order,
        Func<IOrderedQueryable<TEntity>, IOrderedQueryable<TEntity>> thenBy, Expression<Func<TEntity, T>> select, int page, CancellationToken ct, IReadOnlyList<string>? substrings = null)
        where TEntity : class
    {
        if (words.Words.Count == 0)
        {
            return new(await order(query).Select(select).ToPagedListAsync(query, page, ct: ct), substrings ?? [], []);
        }

        var rows = await ByWords(words.TsQuery(false));
        if (rows.Total > 0 || words.Words.All(w => w.Parts.Count == 0))
        {
            return new(rows, words.Marks(false), []);
        }

        return new(await ByWords(words.TsQuery(true)), words.Marks(true), words.StandIns());

        Task<PagedList<T>> ByWords(string tsQuery)
        {
            var matched = query.MatchingWords(tsQuery);
            return thenBy(matched.ByRelevance(tsQuery)).Select(select).ToPagedListAsync(matched, page, ct: ct);
        }
    }
}
