using System.Collections.Concurrent;
using System.Data.Common;
using System.Net;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Infrastructure.Replica;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AnqingTechTransfer.Web.IntegrationTests.Performance;

/// <summary>Which connection each statement of a request went out on: the read connection is named "anqing-read".</summary>
public sealed class ConnectionLog(IHttpContextAccessor http) : DbCommandInterceptor
{
    private readonly ConcurrentQueue<(string Request, string Connection, string Sql)> _commands = new();

    public IReadOnlyList<(string Request, string Connection, string Sql)> Commands => [.. _commands];

    public void Clear() => _commands.Clear();

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Log(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result,
        CancellationToken cancellationToken = default)
    {
        Log(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Log(command);
        return ValueTask.FromResult(result);
    }

    private void Log(DbCommand command)
    {
        if (http.HttpContext is { } context)
        {
            var name = new NpgsqlConnectionStringBuilder(command.Connection?.ConnectionString ?? string.Empty).ApplicationName ?? string.Empty;
            _commands.Enqueue(($"{context.Request.Method} {context.Request.Path}", name, command.CommandText));
        }
    }
}

/// <summary>An app whose read-heavy pages read through a second connection string (here the same database, named anqing-read).</summary>
public class ReplicaRoutingFixture : PortalFixture
{
    public const string ReadName = "anqing-read";

    public ConnectionLog Log => Factory.Services.GetRequiredService<ConnectionLog>();

    protected override IReadOnlyDictionary<string, string> Settings =>
        new Dictionary<string, string> { ["ConnectionStrings:PortalReplica"] = ConnectionString + $";Application Name={ReadName}" };

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<ConnectionLog>();
        services.ConfigureDbContext<PortalDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<ConnectionLog>()), ServiceLifetime.Singleton);
    }
}

/// <summary>
/// ADR 0018 in the app (the standby itself is scripts/replica-check.sh's): the read-heavy pages read through the replica's
/// connection string and everything else through the primary's; a write leaves the browser the primary's WAL position; a
/// read-heavy page that writes after all (an export's audit row) saves on the primary; and a pooled context leased for the
/// primary after one leased for the replica reads the primary.
/// </summary>
public class ReplicaRoutingTests(ReplicaRoutingFixture fx) : IClassFixture<ReplicaRoutingFixture>
{
    private async Task<IReadOnlyList<(string Request, string Connection, string Sql)>> CommandsOfAsync(Func<Task<HttpResponseMessage>> request, HttpStatusCode expected, string what)
    {
        await Task.Delay(50);
        fx.Log.Clear();
        var response = await request();
        response.StatusCode.Should().Be(expected, $"{what} answers {response.Headers.Location}");
        return fx.Log.Commands;
    }

    [Fact]
    public async Task The_read_heavy_pages_read_through_the_replica_s_connection_and_the_others_through_the_primary_s()
    {
        var leader = await fx.As("leader.city");
        var anonymous = fx.Anonymous();
        foreach (var (client, path) in new[] { (leader, "/cockpit"), (leader, "/contracts/stats"), (anonymous, "/notices"), (anonymous, "/needs"), (anonymous, "/open-data") })
        {
            var commands = await CommandsOfAsync(() => client.GetAsync(path), HttpStatusCode.OK, path);
            commands.Where(c => c.Request == $"GET {path}").Should().NotBeEmpty($"{path} reads")
                .And.OnlyContain(c => c.Connection == ReplicaRoutingFixture.ReadName, $"{path} is read-heavy");
        }

        var bureau = await fx.As("bureau");
        foreach (var path in new[] { "/workspace", "/account/security", "/contracts" })
        {
            var commands = await CommandsOfAsync(() => bureau.GetAsync(path), HttpStatusCode.OK, path);
            commands.Where(c => c.Request == $"GET {path}").Should().NotBeEmpty()
                .And.OnlyContain(c => c.Connection != ReplicaRoutingFixture.ReadName, $"{path} is not in Replica:ReadPaths");
        }
    }

    [Fact]
    public async Task A_write_goes_to_the_primary_and_leaves_its_wal_position_and_the_next_read_heavy_page_still_reads_and_shows_it()
    {
        var bureau = await fx.As("bureau");
        var title = "读写分离测试通知" + Guid.NewGuid().ToString("N")[..6];
        var commands = await CommandsOfAsync(() => bureau.PostMultipartAsync("/notices/new", new() { ["Kind"] = "Notice", ["Title"] = title, ["Body"] = "正文" }, null, "/notices/new"),
            HttpStatusCode.Redirect, "POST /notices/new");
        commands.Where(c => c.Request == "POST /notices/new").Should().Contain(c => c.Sql.Contains("INSERT INTO notices")).And.OnlyContain(c => c.Connection != ReplicaRoutingFixture.ReadName, "a write is the primary's");
        bureau.Cookies.GetCookies(PortalFixture.BaseAddress).Should().Contain(c => c.Name == ReadRouteMiddleware.CookieName && c.HttpOnly && c.Secure,
            "the browser keeps the primary's WAL position after its write");

        // The standby (here the same database) has replayed it, so the list reads from it and shows the notice.
        var list = await bureau.GetPageAsync("/notices");
        list.Body!.TextContent.Should().Contain(title);
        fx.Log.Commands.Where(c => c.Request == "GET /notices").Should().OnlyContain(c => c.Connection == ReplicaRoutingFixture.ReadName);
    }

    [Fact]
    public async Task A_read_heavy_page_that_writes_saves_on_the_primary_and_a_forged_position_never_fails_a_page()
    {
        var registrar = await fx.As("registrar.city");
        var commands = await CommandsOfAsync(() => registrar.GetAsync("/contracts/export"), HttpStatusCode.OK, "/contracts/export");
        var export = commands.Where(c => c.Request == "GET /contracts/export").ToList();
        export.Should().Contain(c => c.Connection == ReplicaRoutingFixture.ReadName, "the rows are read from the replica");
        export.Where(c => c.Sql.Contains("INSERT INTO audit_entries")).Should().NotBeEmpty()
            .And.OnlyContain(c => c.Connection != ReplicaRoutingFixture.ReadName, "the export's audit row is written on the primary");

        foreach (var forged in new[] { "garbage", "FFFFFFFF/FFFFFFFF", "0/0", new string('9', 3000) })
        {
            var client = fx.Anonymous();
            client.Cookies.Add(PortalFixture.BaseAddress, new Cookie(ReadRouteMiddleware.CookieName, forged) { Secure = true });
            (await client.GetAsync("/notices")).StatusCode.Should().Be(HttpStatusCode.OK, forged);
        }
    }
}
