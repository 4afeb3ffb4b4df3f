using System.Net;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Infrastructure.Security;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AnqingTechTransfer.Web.IntegrationTests.Security;

/// <summary>
/// The operators' metrics at /metrics (issue 26), in Prometheus format: requests by route, Npgsql's pool and commands, the job
/// queues; answered only from the admin networks (loopback only while the list is empty), a 404 from anywhere else.
/// </summary>
public class MetricsEndpointTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    private const string AddressHeader = "X-Test-Remote-Address";

    /// <summary>The app with the client address a test names (the test server has none of its own).</summary>
    private sealed class AddressedFactory(string connectionString, ManualClock clock) : PortalFactory(connectionString, clock)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new AddressFilter()));
        }
    }

    private sealed class AddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                if (context.Request.Headers.TryGetValue(AddressHeader, out var address))
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(address.ToString());
                }

                return following(context);
            });
            next(app);
        };
    }

    private static async Task<HttpResponseMessage> ScrapeAsync(HttpClient client, string from)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Add(AddressHeader, from);
        return await client.SendAsync(request);
    }

    private async Task SetAllowListAsync(PortalFactory factory, string networks)
    {
        await fx.WithDbAsync(async (db, _) =>
        {
            var row = await db.SecuritySettings.SingleOrDefaultAsync()
                ?? db.SecuritySettings.Add(new SecuritySettings { MaxFailedSignIns = 5, LockoutMinutes = 30, PasswordMinLength = 8 }).Entity;
            row.AdminAllowedNetworks = networks;
            await db.SaveChangesAsync();
        });
        factory.Services.GetRequiredService<SecurityPolicyProvider>().Invalidate();
    }

    [Fact]
    public async Task The_admin_networks_read_request_latency_by_route_npgsql_and_the_job_queues_and_every_other_address_gets_404()
    {
        // A password in the connection string (the test server trusts loopback and ignores it) must not reach the pool's name.
        await using var factory = new AddressedFactory(fx.Factory.ConnectionString + ";Password=not-for-metrics", fx.Clock);
        var client = factory.CreateDefaultClient(PortalFixture.BaseAddress);
        (await client.GetAsync("/notices")).StatusCode.Should().Be(HttpStatusCode.OK, "a request to be measured, with its statements");

        await SetAllowListAsync(factory, "10.0.0.0/8\n192.0.2.7");
        try
        {
            var scraped = await ScrapeAsync(client, "10.1.2.3");
            scraped.StatusCode.Should().Be(HttpStatusCode.OK);
            var text = await scraped.Content.ReadAsStringAsync();
            text.Should().Contain("http_server_request_duration_seconds", "request rate and latency")
                .And.Contain("http_route=\"notices\"", "by route")
                .And.Contain("db_client_operation_duration_seconds", "Npgsql's statement durations")
                .And.Contain("db_client_connection_count", "Npgsql's pool")
                .And.Contain("portal_jobs_queued", "the job queues")
                .And.Contain("queue=\"imports\"").And.Contain("queue=\"mail\"")
                .And.NotContain("not-for-metrics", "the pool is named by its connection string without the password");
            (await ScrapeAsync(client, "192.0.2.7")).StatusCode.Should().Be(HttpStatusCode.OK, "a single address of the list");

            foreach (var other in new[] { "192.168.1.20", "127.0.0.1", "2001:db8::1" })
            {
                var refused = await ScrapeAsync(client, other);
                refused.StatusCode.Should().Be(HttpStatusCode.NotFound, other);
                (await refused.Content.ReadAsStringAsync()).Should().NotContain("http_server_request_duration", other);
            }
        }
        finally
        {
            await SetAllowListAsync(factory, string.Empty);
        }

        // No list (the admin pages open to all): the metrics answer the machine itself only.
        (await ScrapeAsync(client, "127.0.0.1")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await ScrapeAsync(client, "::1")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await ScrapeAsync(client, "10.1.2.3")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.GetAsync("/metrics")).StatusCode.Should().Be(HttpStatusCode.NotFound, "no address at all");
    }
}
