using System.Text.Json;
using AnqingTechTransfer.Domain.Identity;
using AnqingTechTransfer.Web.Data.Seed;
using Microsoft.Playwright;

namespace AnqingTechTransfer.BrowserTests;

/// <summary>One browser tab for one person: signs in through the form, visits pages, checks accessibility, takes screenshots.</summary>
public sealed class PortalPage : IAsyncDisposable
{
    private readonly BrowserFixture _fx;
    private readonly IBrowserContext _context;
    private readonly List<string> _cspViolations = [];

    private PortalPage(BrowserFixture fx, IBrowserContext context, IPage page)
    {
        _fx = fx;
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                _cspViolations.Add(message.Text);
            }
        };
    }

    public IPage Page { get; }

    public static async Task<PortalPage> OpenAsync(BrowserFixture fx, int width = 1366)
    {
        var context = await fx.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
        });
        return new PortalPage(fx, context, await context.NewPageAsync());
    }

    /// <summary>A tab signed in as a demo user, confirming every dialog (data-confirm) the journey meets.</summary>
    public static async Task<PortalPage> OpenAsAsync(BrowserFixture fx, string userName, int width = 1366)
    {
        var page = await OpenAsync(fx, width);
        page.Page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.SignInAsync(userName);
        return page;
    }

    /// <summary>The page as it stands: no serious or critical accessibility violation, nothing blocked by its own CSP.</summary>
    public async Task ExpectCleanAsync(string where)
    {
        string.Join(Environment.NewLine, await AccessibilityViolationsAsync()).Should().BeEmpty($"{where} must have no serious or critical accessibility violation");
        string.Join(Environment.NewLine, CspViolations).Should().BeEmpty($"{where} must not break its own Content-Security-Policy");
    }

    /// <summary>
    /// The same tab as a stranger again: no cookies, no storage, no CSP messages, the given width. Checks that sign many people
    /// in one after the other reuse one tab this way (BrowserFixture.SharedTabAsync) instead of starting a browser context each.
    /// </summary>
    public async Task StartOverAsync(int width = 1366)
    {
        await Page.GotoAsync("about:blank");
        await _context.ClearCookiesAsync();
        await Page.SetViewportSizeAsync(width, 900);
        _cspViolations.Clear();
    }

    public async Task GoAsync(string path) => await Page.GotoAsync(_fx.BaseUrl + path);

    public async Task SignInAsync(string userName, string password = DemoSeed.DefaultPassword)
    {
        await GoAsync("/account/login");
        await Page.FillAsync("#UserName", userName);
        await Page.FillAsync("#Password", password);
        // The form posts and is redirected: away from the sign-in page, to the second factor or where the user was going.
        await Page.ClickAsync("#login-btn");
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath != "/account/login");
        if (Page.Url.Contains("/account/login-2fa", StringComparison.Ordinal))
        {
            _fx.Factory.Clock.Advance(TimeSpan.FromSeconds(Totp.StepSeconds)); // each code is single use
            var code = Totp.Code(Totp.FromBase32(DemoSeed.BureauAdminTotpKey), Totp.TimeStep(_fx.Factory.Clock.GetUtcNow()));
            await Page.FillAsync("#Code", code);
            await Page.ClickAsync("#twofactor-btn");
            await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath != "/account/login-2fa");
        }
    }

    /// <summary>axe-core on the current page: the serious and critical violations, described.</summary>
    public async Task<IReadOnlyList<string>> AccessibilityViolationsAsync()
    {
        // A script element loading axe from the app's origin (BrowserFixture.AxePath), which the page's CSP allows; cached by the context.
        if (!await Page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await Page.AddScriptTagAsync(new PageAddScriptTagOptions { Url = _fx.BaseUrl + BrowserFixture.AxePath });
        }

        var json = await Page.EvaluateAsync<string>(
            """
            async () => {
                const result = await axe.run(document, { resultTypes: ['violations'] });
                return JSON.stringify(result.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.id + ' (' + v.impact + '): ' + v.help + ' @ ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(' | ')));
            }
            """);
        return JsonSerializer.Deserialize<List<string>>(json) ?? [];
    }

    public IReadOnlyList<string> CspViolations => _cspViolations;

    public async Task ScreenshotAsync(string name) =>
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_fx.ScreenshotDirectory, name + ".png"), FullPage = true });

    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}
