using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace AnqingTechTransfer.Web.Infrastructure.Replica;

/// <summary>
/// A streaming replica for the read-heavy pages (issue 26, ADR 0018). Set <c>ConnectionStrings:PortalReplica</c> to a
/// multi-host string that lists the standby first and the primary after it with <c>Target Session Attributes=prefer-standby</c>:
/// Npgsql then opens the standby while it is up and the primary while it is not, so a stopped replica costs no error.
/// </summary>
public sealed class ReplicaOptions
{
    public const string Section = "Replica";

    /// <summary>The pages (path prefixes, GET and HEAD only) that may be answered from the standby.</summary>
    public string[] ReadPaths { get; set; } =
        ["/cockpit", "/contracts/stats", "/contracts/export", "/notices", "/projects", "/needs", "/results", "/carriers", "/index", "/open-data", "/scenarios"];

    public bool Serves(PathString path) =>
        ReadPaths.Any(p => path.Equals(p, StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));
}

/// <summary>The two connection strings: every write and every read that must see a write goes to the primary.</summary>
public sealed class ReplicaConnections(string primary, string? replica)
{
    public string Primary { get; } = primary;
    public string? Replica { get; } = string.IsNullOrWhiteSpace(replica) ? null : replica;
    public bool Configured => Replica is not null;
}

/// <summary>This request's choice: read from the standby, or (by default) from the primary.</summary>
public sealed class ReadRoute
{
    public bool FromReplica { get; set; }
}

/// <summary>
/// Chooses the database of each request before the endpoint runs, and after every write remembers how far the primary's
/// WAL was (a cookie of the browser), so that a later read goes to the standby only once the standby has replayed the
/// user's own last write: a lagging (or paused) standby never shows people a page older than what they did.
/// </summary>
public sealed class ReadRouteMiddleware(RequestDelegate next, ReplicaConnections connections, IOptions<ReplicaOptions> options, ILogger<ReadRouteMiddleware> logger)
{
    /// <summary>The primary's WAL position after this browser's last write (without the prefix over plain HTTP, as the other cookies).</summary>
    public const string CookieName = "__Host-aq.lsn";
    public const string PlainCookieName = "aq.lsn";

    public async Task InvokeAsync(HttpContext context, ReadRoute route)
    {
        if (!connections.Configured)
        {
            await next(context);
            return;
        }

        var reads = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method);
        if (reads && options.Value.Serves(context.Request.Path))
        {
            route.FromReplica = await ReplicaHasReplayedAsync(context, context.RequestAborted);
        }
        else if (!reads)
        {
            context.Response.OnStarting(() => RememberWriteAsync(context));
        }

        await next(context);
    }

    /// <summary>True when the standby (or the primary Npgsql fell back to) has what this browser last wrote.</summary>
    private async Task<bool> ReplicaHasReplayedAsync(HttpContext context, CancellationToken ct)
    {
        var value = context.Request.Cookies[CookieName] ?? context.Request.Cookies[PlainCookieName];
        if (value is null || !NpgsqlLogSequenceNumber.TryParse(value, out var written))
        {
            return true;
        }

        try
        {
            await using var connection = new NpgsqlConnection(connections.Replica);
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand("SELECT NOT pg_is_in_recovery() OR pg_last_wal_replay_lsn() >= $1", connection);
            command.Parameters.Add(new NpgsqlParameter<NpgsqlLogSequenceNumber> { TypedValue = written, NpgsqlDbType = NpgsqlDbType.PgLsn });
            return await command.ExecuteScalarAsync(ct) is true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Whatever went wrong, the primary answers: a routing question never fails a page.
            logger.LogWarning(e, "The replica could not be asked how far it has replayed; reading from the primary");
            return false;
        }
    }

    private async Task RememberWriteAsync(HttpContext context)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connections.Primary);
            await connection.OpenAsync(context.RequestAborted);
            await using var command = new NpgsqlCommand("SELECT pg_current_wal_lsn()", connection);
            if (await command.ExecuteScalarAsync(context.RequestAborted) is NpgsqlLogSequenceNumber lsn)
            {
                var https = context.Request.IsHttps;
                context.Response.Cookies.Append(https ? CookieName : PlainCookieName, lsn.ToString(), new CookieOptions
                {
                    Secure = https, HttpOnly = true, SameSite = SameSiteMode.Lax, Path = "/", IsEssential = true,
                });
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "The primary's WAL position after a write could not be read");
        }
    }
}
