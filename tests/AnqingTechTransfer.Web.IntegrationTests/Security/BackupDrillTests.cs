using System.Diagnostics;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Npgsql;

namespace AnqingTechTransfer.Web.IntegrationTests.Security;

/// <summary>
/// The restore drill (QUALITY.md R4, docs/operations.md §5): scripts/backup.sh dumps the demo database, scripts/restore.sh
/// restores it into a new database and compares every table's row count, numeric sums and row checksum: equal. A restored
/// copy changed by one cent must fail the same comparison.
/// </summary>
public class BackupDrillTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    private static string Repository()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AnqingTechTransfer.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("the repository root was not found");
    }

    /// <summary>The libpq form the scripts take: the server, and the database when named.</summary>
    private static string Libpq(string connectionString, string? database)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        return $"host={b.Host} port={b.Port} user={b.Username}" + (database is null ? string.Empty : $" dbname={database}");
    }

    private static async Task<(int Code, string Output)> RunAsync(string script, params string[] args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Repository() };
        start.ArgumentList.Add(Path.Combine("scripts", script));
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    [Fact]
    public async Task A_backup_restored_into_a_new_database_has_equal_counts_sums_and_rows_and_a_one_cent_change_is_caught()
    {
        var source = fx.Factory.ConnectionString;
        var database = new NpgsqlConnectionStringBuilder(source).Database!;
        var restored = database + "_drill";
        var dump = Path.Combine(Path.GetTempPath(), $"{database}-{Guid.NewGuid():N}.dump");
        try
        {
            var backup = await RunAsync("backup.sh", "--dsn", Libpq(source, database), "--out", dump);
            backup.Code.Should().Be(0, backup.Output);
            File.Exists(dump + ".fingerprint").Should().BeTrue();
            (await File.ReadAllLinesAsync(dump + ".fingerprint")).Should().Contain(l => l.StartsWith("tech_contracts|", StringComparison.Ordinal));

            var restore = await RunAsync("restore.sh", "--server", Libpq(source, null), "--db", restored, "--from", dump);
            restore.Code.Should().Be(0, restore.Output);
            restore.Output.Should().Contain("row counts, numeric sums and row checksums equal");

            var again = await RunAsync("restore.sh", "--server", Libpq(source, null), "--db", restored, "--from", dump);
            again.Code.Should().NotBe(0, "a restore never overwrites an existing database");
            again.Output.Should().Contain("restore only into a new database");

            // The comparison is not vacuous: one cent on one contract of the restored copy is a mismatch.
            var restoredConnection = new NpgsqlConnectionStringBuilder(source) { Database = restored }.ConnectionString;
            await using (var connection = new NpgsqlConnection(restoredConnection))
            {
                await connection.OpenAsync();
                await using var tamper = new NpgsqlCommand("UPDATE tech_contracts SET contract_amount = contract_amount + 0.01 WHERE id = (SELECT id FROM tech_contracts ORDER BY id LIMIT 1)", connection);
                (await tamper.ExecuteNonQueryAsync()).Should().Be(1);
            }

            var fingerprints = await RunAsync("restore.sh", "--server", Libpq(source, null), "--db", restored + "_2", "--from", dump,
                "--verify-against", Libpq(source, restored));
            fingerprints.Code.Should().NotBe(0);
            fingerprints.Output.Should().Contain("MISMATCH").And.Contain("tech_contracts|");
        }
        finally
        {
            File.Delete(dump);
            File.Delete(dump + ".fingerprint");
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(source) { Database = "postgres" }.ConnectionString);
            await connection.OpenAsync();
            foreach (var name in new[] { restored, restored + "_2" })
            {
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync();
            }
        }
    }
}
