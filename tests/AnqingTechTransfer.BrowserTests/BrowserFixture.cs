using System.Net;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AnqingTechTransfer.BrowserTests;

/// <summary>The real app on Kestrel (loopback, plain HTTP), its own database, and Debian's Chromium driven by Playwright.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private string _database = string.Empty;
    private IPlaywright? _playwright;

    public PortalFactory Factory { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = string.Empty;
    /// <summary>Where the browser loads axe-core from: the app's own origin, so the page's CSP (script-src 'self') lets it in.</summary>
    public const string AxePath = "/__browser-tests/axe.min.js";

    public string AxeScript { get; } = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Vendor", "axe.min.js"));
    public string ScreenshotDirectory { get; } = Path.Combine(Repository.Root(), "artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium is not installed at {ChromiumPath}. scripts/test.sh installs it (apt-get install chromium fonts-noto-cjk).");
        }

        Directory.CreateDirectory(ScreenshotDirectory);
        _database = await TestDatabase.CreateAsync();
        Factory = new BrowserPortalFactory(TestDatabase.For(_database), new ManualClock(), AxeScript);
        Factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        Factory.StartServer();
        BaseUrl = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    private PortalPage? _sharedTab;

    /// <summary>One tab kept for the whole collection, started over (signed out, cookies gone) before each use.</summary>
    public async Task<PortalPage> SharedTabAsync(int width = 1366)
    {
        if (_sharedTab is null)
        {
            _sharedTab = await PortalPage.OpenAsync(this, width);
            _sharedTab.Page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        }

        await _sharedTab.StartOverAsync(width);
        return _sharedTab;
    }

    public async Task DisposeAsync()
    {
        if (_sharedTab is not null)
        {
            await _sharedTab.DisposeAsync();
        }

        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        await Factory.DisposeAsync();
        await TestDatabase.DropAsync(_database);
    }
}

/// <summary>
/// The portal as the browser tests host it: plain HTTP, and axe-core served at <see cref="BrowserFixture.AxePath"/> with a day's
/// cache. Each accessibility check then loads axe like any script of the page (from the context's HTTP cache after the first
/// time) instead of sending its 550 KB through the DevTools protocol and compiling it again on every check.
/// </summary>
internal sealed class BrowserPortalFactory(string connectionString, ManualClock clock, string axeScript)
    : PortalFactory(connectionString, clock, requireHttps: false)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new AxeAsset(axeScript)));
    }

    private sealed class AxeAsset(string script) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Map(BrowserFixture.AxePath, axe => axe.Run(async context =>
            {
                context.Response.ContentType = "text/javascript; charset=utf-8";
                context.Response.Headers.CacheControl = "public, max-age=86400, immutable";
                await context.Response.WriteAsync(script);
            }));
            next(app);
        };
    }
}
