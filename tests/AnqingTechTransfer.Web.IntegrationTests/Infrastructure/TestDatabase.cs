using AnqingTechTransfer.Web.Tenancy;
using Npgsql;

namespace AnqingTechTransfer.Web.IntegrationTests.Infrastructure;

/// <summary>
/// The PostgreSQL server scripts/test.sh started. One template database is migrated and seeded once per run;
/// each fixture gets its own copy (CREATE DATABASE … TEMPLATE, about 0.1 s).
/// </summary>
public static class TestDatabase
{
    public const string EnvironmentVariable = "ANQING_TEST_DATABASE";
    // One template per test process: the test assemblies run in parallel processes against the same server.
    private static readonly string Template = $"anqing_tpl_{Environment.ProcessId}_{Guid.NewGuid().ToString("N")[..6]}";
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static bool _templateReady;

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{EnvironmentVariable} is not set: these tests need a real PostgreSQL server. Run them with scripts/test.sh, " +
                "which starts a private cluster, or set it to a connection string of a PostgreSQL 15+ server (database 'postgres').");

    public static string For(string database) => new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database }.ConnectionString;

    public static async Task<string> CreateAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (!_templateReady)
            {
                await DropTemplatesOfEndedRunsAsync();
                await ExecuteAsync($"DROP DATABASE IF EXISTS {Template} WITH (FORCE)");
                await using (var factory = new PortalFactory(For(Template), new ManualClock()))
                {
                    factory.CreateClient().Dispose(); // boots the app: migrations, reference data, demo data
                }

                NpgsqlConnection.ClearAllPools(); // CREATE DATABASE … TEMPLATE fails while connections to the template are open
                _templateReady = true;
            }

            var name = "anqing_t_" + Guid.NewGuid().ToString("N")[..12];
            await ExecuteAsync($"CREATE DATABASE {name} TEMPLATE {Template}");
            return name;
        }
        finally
        {
            Gate.Release();
        }
    }

    public static async Task DropAsync(string database)
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
    }

    /// <summary>A reused server (a developer's) keeps no templates of test processes that have ended.</summary>
    private static async Task DropTemplatesOfEndedRunsAsync()
    {
        var names = new List<string>();
        await using (var connection = new NpgsqlConnection(For("postgres")))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT datname FROM pg_database WHERE datname LIKE 'anqing_tpl_%'", connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }

        foreach (var name in names)
        {
            var parts = name.Split('_');
            if (parts.Length == 4 && int.TryParse(parts[2], out var pid) && !IsRunning(pid))
            {
                await ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(For("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
