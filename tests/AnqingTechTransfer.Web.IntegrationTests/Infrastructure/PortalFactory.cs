using AnqingTechTransfer.Web.Data.Seed;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AnqingTechTransfer.Web.IntegrationTests.Infrastructure;

/// <summary>The real app, on a database of its own, with the demo data and a clock the test controls.</summary>
public class PortalFactory(string connectionString, ManualClock clock, bool requireHttps = true) : WebApplicationFactory<Program>
{
    public static readonly string KeyFile = Path.Combine(Path.GetTempPath(), "anqing-test-keys", "gm-keys.json");

    static PortalFactory()
    {
        // Every app the tests start would watch its appsettings files with an inotify instance of its own; dozens of apps
        // alive at once (parallel fixtures, several test processes on one machine) exhaust the user's 128 instances and the
        // next app fails to start. The tests never change a settings file while an app runs, so none is watched.
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
    }

    public ManualClock Clock { get; } = clock;

    public string ConnectionString { get; } = connectionString;

    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>Services a fixture adds to its own app (e.g. the statement counter of the performance tests).</summary>
    public Action<IServiceCollection>? ExtraServices { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseStaticWebAssets();
        // UseSetting, not ConfigureAppConfiguration: Program reads these before Build().
        builder.UseSetting("ConnectionStrings:Portal", ConnectionString);
        builder.UseSetting("Demo:Seed", "true");
        builder.UseSetting("Demo:Password", DemoSeed.DefaultPassword);
        builder.UseSetting("Security:RequireHttps", requireHttps ? "true" : "false");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        // One SM4 key file for every app of the test processes (the model's converters are per process); outside the repository.
        builder.UseSetting("Security:GmKeyFile", KeyFile);
        // No job server in the tests: a test runs a job's class itself, with the test's clock.
        builder.UseSetting("Jobs:RunServer", "false");
        builder.UseSetting("Serilog:File:Path", Path.Combine(Path.GetTempPath(), "anqing-test-logs", "portal-.json"));
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            ExtraServices?.Invoke(services);
        });
    }
}
