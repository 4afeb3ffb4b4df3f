using Microsoft.EntityFrameworkCore;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;

namespace AnqingTechTransfer.Web.IntegrationTests.Performance;

/// <summary>
/// The app's connections (ADR 0019): prepared automatically, never reset between the statements of a request, and planned
/// for each execution's values — a generic plan kept after five runs walked the whole list index for a registration point
/// holding most contracts (12 ms against 0.1 ms at 1,000,000 contracts).
/// </summary>
public class ConnectionSettingsTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task The_app_s_connections_plan_each_execution_for_its_values()
    {
        var mode = await fx.WithDbAsync(async (db, _) =>
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            try
            {
                await using var command = connection.CreateCommand();
                command.CommandText = "SHOW plan_cache_mode";
                return (string?)await command.ExecuteScalarAsync();
            }
            finally
            {
                await connection.CloseAsync();
            }
        });
        mode.Should().Be("force_custom_plan");
    }

    [Fact]
    public void An_operator_s_own_settings_win_and_other_options_are_kept()
    {
        var tuned = new Npgsql.NpgsqlConnectionStringBuilder(PortalConnections.Tune("Host=db;Database=anqing;Options=-c statement_timeout=5000"));
        tuned.Options.Should().Be("-c statement_timeout=5000 " + PortalConnections.PlanPerExecution);
        tuned.NoResetOnClose.Should().BeTrue();
        tuned.MaxAutoPrepare.Should().Be(PortalConnections.MaxAutoPrepare);

        var own = new Npgsql.NpgsqlConnectionStringBuilder(PortalConnections.Tune("Host=db;Options=-c plan_cache_mode=auto;Max Auto Prepare=0;No Reset On Close=false"));
        own.Options.Should().Be("-c plan_cache_mode=auto");
        own.MaxAutoPrepare.Should().Be(0);
        own.NoResetOnClose.Should().BeFalse();
    }
}
