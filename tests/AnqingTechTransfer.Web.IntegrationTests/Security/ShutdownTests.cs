using System.Net;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AnqingTechTransfer.Web.IntegrationTests.Security;

/// <summary>
/// Issue 12, faults: stopping the portal (SIGTERM in production, a rolling upgrade) lets the requests already running
/// finish with their answers, takes no new ones, and flushes the log files before the process ends.
/// </summary>
public class ShutdownTests
{
    /// <summary>The app on Kestrel with one slow page added by the test, standing for a long import or export.</summary>
    private sealed class SlowPortal(string connectionString, string marker, string logs) : PortalFactory(connectionString, new ManualClock(), requireHttps: false)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Serilog:File:Path", Path.Combine(logs, "portal-.json"));
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new SlowPage(marker)));
        }
    }

    private sealed class SlowPage(string marker) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Map("/test-slow", slow => slow.Run(async context =>
            {
                await Task.Delay(TimeSpan.FromSeconds(3)); // not the request's token: shutdown must wait for it, not cancel it
                context.RequestServices.GetRequiredService<ILogger<ShutdownTests>>().LogWarning("Slow request {Marker} finished", marker);
                await context.Response.WriteAsync("完成");
            }));
            next(app);
        };
    }

    [Fact]
    public async Task Stopping_lets_running_requests_finish_refuses_new_ones_and_flushes_the_log()
    {
        var database = await TestDatabase.CreateAsync();
        var marker = Guid.NewGuid().ToString("N");
        var logs = Path.Combine(Path.GetTempPath(), "anqing-shutdown-" + marker);
        var factory = new SlowPortal(TestDatabase.For(database), marker, logs);
        try
        {
            factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
            factory.StartServer();
            var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) };
            (await http.GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK);

            var running = http.GetAsync("/test-slow");
            await Task.Delay(500);
            var stopping = factory.Services.GetRequiredService<IHostApplicationLifetime>();
            var stopped = Task.Run(() => factory.Services.GetRequiredService<IHost>().StopAsync());
            await Task.Delay(500);

            // No new request is taken once stopping began.
            var refused = async () => await new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(5) }.GetAsync("/health/live");
            await refused.Should().ThrowAsync<HttpRequestException>();
            stopping.ApplicationStopping.IsCancellationRequested.Should().BeTrue();

            // The running one finishes with its answer.
            var response = await running;
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            (await response.Content.ReadAsStringAsync()).Should().Be("完成");
            await stopped;
        }
        finally
        {
            await factory.DisposeAsync();
            await TestDatabase.DropAsync(database);
        }

        // Disposed: the log files were flushed, the slow request's line among them.
        Directory.GetFiles(logs, "portal-*.json").Should().Contain(f => File.ReadAllText(f).Contains(marker), "the logger is flushed when the app stops");
        Directory.Delete(logs, recursive: true);
    }
}
