using Npgsql;

namespace AnqingTechTransfer.Web.Data;

/// <summary>
/// The connection settings of the portal's <see cref="PortalDbContext"/> pool (issue 26). An operator's own value for either
/// setting in <c>ConnectionStrings:Portal</c> wins.
/// </summary>
public static class PortalConnections
{
    /// <summary>Statements Npgsql prepares on the server by itself once one has run <c>Auto Prepare Min Usages</c> (5) times.</summary>
    public const int MaxAutoPrepare = 50;

    /// <summary>The server option that keeps automatic preparation from freezing a plan made for other values.</summary>
    public const string PlanPerExecution = "-c plan_cache_mode=force_custom_plan";

    /// <summary>
    /// <para><c>No Reset On Close=true</c>: a connection going back to Npgsql's pool is not reset (<c>DISCARD ALL</c>, sent
    /// in front of the next statement on it). Before, every statement of a request carried one, because EF opens and closes
    /// the connection around each query. It is safe because the portal leaves no session state on a connection: it issues no
    /// <c>SET</c>/<c>set_config</c>, <c>LISTEN</c>, <c>WITH HOLD</c> cursor or session advisory lock (the audit chain's lock is
    /// <c>pg_advisory_xact_lock</c>, released with the transaction); the two imports' temporary tables are
    /// <c>ON COMMIT DROP</c> (a rollback drops them too); and Npgsql itself rolls back a transaction left open before the
    /// connection is reused. Hangfire keeps its own connection string and pool, with the reset.</para>
    /// <para><c>Max Auto Prepare=50</c>: the hot statements (the session check, the layout's counts, the lists' first pages)
    /// are prepared once per physical connection and then only bound and executed. Without the reset they stay prepared.</para>
    /// </summary>
    public static string Tune(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var given = Keys(connectionString);
        if (!given.Contains("noresetonclose"))
        {
            builder.NoResetOnClose = true;
        }

        if (!given.Contains("maxautoprepare"))
        {
            builder.MaxAutoPrepare = MaxAutoPrepare;
        }

        // A prepared statement is planned for the values of each execution: after five runs PostgreSQL would otherwise keep a
        // generic plan, which for a skewed column (a registration point holding most of the contracts) walks the whole list
        // index — 12 ms against 0.1 ms per list at 1,000,000 contracts, measured with EXPLAIN ANALYZE on the bench database.
        if (builder.Options?.Contains("plan_cache_mode", StringComparison.Ordinal) != true)
        {
            builder.Options = string.Join(' ', new[] { builder.Options, PlanPerExecution }.Where(o => !string.IsNullOrWhiteSpace(o)));
        }

        return builder.ConnectionString;
    }

    /// <summary>The keys as written (any spelling: "No Reset On Close", "NoResetOnClose"), without spaces, lower case.</summary>
    private static HashSet<string> Keys(string connectionString) =>
        new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(key => key.Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant())
            .ToHashSet();
}
