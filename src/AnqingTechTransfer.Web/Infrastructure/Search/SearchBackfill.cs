using AnqingTechTransfer.Domain.Search;
using AnqingTechTransfer.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Infrastructure.Search;

/// <summary>
/// Fills <c>search_words</c> of the rows written without the application (the migration's existing rows, the benchmark's
/// and the scale generator's SQL, the contract import's COPY): at start and then every minute, in batches of
/// <see cref="BatchSize"/>, until none is left. Idempotent (only rows without words), so several instances may run it.
/// It reads and writes the five tables directly, across tenants: the words are no one's data to see.
/// </summary>
public sealed class SearchBackfill(IServiceScopeFactory scopes, ILogger<SearchBackfill> logger) : BackgroundService
{
    public const int BatchSize = 500;
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    private sealed record Pending(Guid Id, string Title, string Body);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                var filled = await FillAsync(stoppingToken);
                if (filled > 0)
                {
                    logger.LogInformation("Search words filled for {Rows} rows", filled);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Filling the search words failed; it runs again in {Interval}", Interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Fills every row without words; the number filled.</summary>
    public async Task<int> FillAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(2));
        var total = 0;
        foreach (var table in Tables)
        {
            while (true)
            {
                var rows = await table.Read(db).ToListAsync(ct);
                if (rows.Count == 0)
                {
                    break;
                }

                var ids = rows.Select(r => r.Id).ToArray();
                var words = rows.Select(r => SearchText.Words(JiebaWordCutter.Shared, r.Title, r.Body)).ToArray();
                await table.Write(db, ids, words, ct);
                total += rows.Count;
                if (rows.Count < BatchSize)
                {
                    break;
                }
            }
        }

        return total;
    }

    private sealed record Table(Func<PortalDbContext, IQueryable<Pending>> Read, Func<PortalDbContext, Guid[], string[], CancellationToken, Task<int>> Write);

    // One pair of statements per table: the table's name cannot be a parameter. The texts are those of SearchIndex.Of.
    private static readonly Table[] Tables =
    [
        new(db => db.Database.SqlQuery<Pending>($"""
                SELECT id AS "Id", title AS "Title", concat_ws(' ', summary, array_to_string(keywords, ' '), targets) AS "Body"
                FROM tech_needs WHERE search_words IS NULL LIMIT {BatchSize}
                """),
            (db, ids, words, ct) => db.Database.ExecuteSqlAsync($"""
                UPDATE tech_needs t SET search_words = v.w FROM unnest({ids}, {words}) AS v(id, w) WHERE t.id = v.id
                """, ct)),
        new(db => db.Database.SqlQuery<Pending>($"""
                SELECT id AS "Id", title AS "Title", concat_ws(' ', summary, array_to_string(keywords, ' ')) AS "Body"
                FROM tech_results WHERE search_words IS NULL LIMIT {BatchSize}
                """),
            (db, ids, words, ct) => db.Database.ExecuteSqlAsync($"""
                UPDATE tech_results t SET search_words = v.w FROM unnest({ids}, {words}) AS v(id, w) WHERE t.id = v.id
                """, ct)),
        new(db => db.Database.SqlQuery<Pending>($"""
                SELECT id AS "Id", title AS "Title", concat_ws(' ', problem, place, array_to_string(keywords, ' ')) AS "Body"
                FROM scenarios WHERE search_words IS NULL LIMIT {BatchSize}
                """),
            (db, ids, words, ct) => db.Database.ExecuteSqlAsync($"""
                UPDATE scenarios t SET search_words = v.w FROM unnest({ids}, {words}) AS v(id, w) WHERE t.id = v.id
                """, ct)),
        new(db => db.Database.SqlQuery<Pending>($"""
                SELECT id AS "Id", name AS "Title", concat_ws(' ', host_name, co_builder, capabilities) AS "Body"
                FROM carriers WHERE search_words IS NULL LIMIT {BatchSize}
                """),
            (db, ids, words, ct) => db.Database.ExecuteSqlAsync($"""
                UPDATE carriers t SET search_words = v.w FROM unnest({ids}, {words}) AS v(id, w) WHERE t.id = v.id
                """, ct)),
        new(db => db.Database.SqlQuery<Pending>($"""
                SELECT id AS "Id", project_name AS "Title", '' AS "Body"
                FROM tech_contracts WHERE search_words IS NULL LIMIT {BatchSize}
                """),
            (db, ids, words, ct) => db.Database.ExecuteSqlAsync($"""
                UPDATE tech_contracts t SET search_words = v.w FROM unnest({ids}, {words}) AS v(id, w) WHERE t.id = v.id
                """, ct)),
    ];
}
