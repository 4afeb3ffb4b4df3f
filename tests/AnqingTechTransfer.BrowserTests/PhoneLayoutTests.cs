using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace AnqingTechTransfer.BrowserTests;

/// <summary>
/// Issue 25 §6 and §7. The pages of the contract, project, market and cockpit journeys, as the people who use them, at 390 px
/// (a phone) and at 1366 px: no page scrolls sideways and every visible button is inside the window — lists with actions are
/// cards on the phone, the contract list's filters fold behind 筛选, the cockpit's indicators show 本年实际/目标/完成率/状态.
/// The second test takes the user guide's screenshots (docs/images/guide/, refreshed on every run) and checks /help.
/// </summary>
[Collection(BrowserCollection.Name)]
public class PhoneLayoutTests(BrowserFixture fx)
{
    /// <summary>What is wrong with the page's width: sideways scrolling, and visible buttons outside the window.</summary>
    private const string LayoutProblems =
        """
        () => {
            const width = document.documentElement.clientWidth;
            const problems = [];
            if (document.documentElement.scrollWidth > width) {
                problems.push('the page scrolls sideways: ' + document.documentElement.scrollWidth + ' px in a ' + width + ' px window');
            }
            for (const el of document.querySelectorAll('button, input[type=submit], a.btn, summary.btn')) {
                const box = el.getBoundingClientRect();
                if (box.width <= 1 || box.height <= 1 || getComputedStyle(el).visibility === 'hidden') continue;
                if (box.left < -1 || box.right > width + 1) {
                    problems.push('button 「' + (el.textContent || el.value || '').trim().slice(0, 20) + '」 lies outside the window (' + Math.round(box.left) + '–' + Math.round(box.right) + ')');
                }
            }
            return problems;
        }
        """;

    private static readonly (string? User, string Path, string Name)[] JourneyPages =
    [
        // 技术合同登记
        ("ent.a", "/contracts", "contracts-enterprise"),
        ("ent.a", "/contracts/new", "contract-form"),
        ("registrar.city", "/contracts", "contracts-registrar"),
        ("registrar.city", "/contracts?tab=Intake", "contracts-intake"),
        ("registrar.city", "first:#contract-table tbody a", "contract-details"),
        ("county.huaining", "/contracts/stats", "contract-stats"),
        (null, "/contracts/verify", "contract-verify"),
        // 科技计划项目
        (null, "/projects", "projects-public"),
        ("bureau", "/projects/calls", "project-calls"),
        ("bureau", "first:#call-table tbody a", "project-call"),
        ("ent.a", "/projects/problems/new", "problem-form"),
        ("county.huaining", "/projects/problems", "problems-county"),
        ("park.gxq", "/projects/applications", "applications-park"),
        ("ent.a", "/projects/applications", "applications-enterprise"),
        // 供需对接
        (null, "/needs", "needs-public"),
        ("ent.a", "/needs/new", "need-form"),
        ("county.huaining", "/needs/manage", "needs-county"),
        ("univ.aqnu", "/results", "results-university"),
        ("univ.aqnu", "/docking", "docking-university"),
        ("bureau", "/commissioners", "commissioners"),
        ("bureau", "/commissioners/targets", "commissioner-targets"),
        // 领导驾驶舱与目标
        ("leader.city", "/cockpit", "cockpit-city"),
        ("leader.huaining", "/cockpit", "cockpit-county"),
        ("bureau", "/targets", "targets"),
        // Lists with actions elsewhere
        ("univ.aqnu", "/admin/users", "users"),
        ("county.huaining", "/organizations", "organizations"),
        (null, "/help", "help"),
    ];

    private async Task<List<string>> WalkAsync(int width)
    {
        var problems = new List<string>();
        foreach (var group in JourneyPages.GroupBy(p => p.User))
        {
            var tab = await fx.SharedTabAsync(width);
            if (group.Key is { } user)
            {
                await tab.SignInAsync(user);
            }

            string? lastList = null;
            foreach (var (_, path, name) in group)
            {
                if (path.StartsWith("first:", StringComparison.Ordinal))
                {
                    // The first record of the list just visited, as its user would open it.
                    var href = await tab.Page.GetAttributeAsync(path["first:".Length..], "href");
                    href.Should().NotBeNull($"{lastList} lists a record to open");
                    await tab.GoAsync(href!);
                }
                else
                {
                    await tab.GoAsync(path);
                    lastList = path;
                }

                await tab.Page.WaitForLoadStateAsync(LoadState.Load);
                if (name.StartsWith("cockpit", StringComparison.Ordinal))
                {
                    await tab.Page.WaitForSelectorAsync("#chart-monthly canvas");
                }

                var found = await tab.Page.EvaluateAsync<string[]>(LayoutProblems);
                problems.AddRange(found.Select(p => $"{group.Key ?? "visitor"} {path} at {width} px: {p}"));
                if (width == 390)
                {
                    // The whole page, but the guide (very long on a phone) only as far as the window shows.
                    await tab.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(fx.ScreenshotDirectory, $"phone-{name}-390.png"), FullPage = name != "help" });
                }
            }
        }

        return problems;
    }

    [Fact]
    public async Task The_journeys_pages_fit_a_phone_and_a_laptop_with_every_button_in_sight()
    {
        var problems = await WalkAsync(390);
        problems.AddRange(await WalkAsync(1366));
        problems.Should().BeEmpty();

        // On the phone the contract list's filters wait behind 筛选 and open on a tap; the cockpit's indicators are cards.
        var registrar = await fx.SharedTabAsync(390);
        await registrar.SignInAsync("registrar.city");
        await registrar.GoAsync("/contracts");
        (await registrar.Page.IsVisibleAsync("#status")).Should().BeFalse("the filters are folded on a phone");
        (await registrar.Page.IsVisibleAsync("#q")).Should().BeTrue();
        await registrar.Page.ClickAsync("#contract-filters summary");
        (await registrar.Page.IsVisibleAsync("#status")).Should().BeTrue();
        await registrar.ExpectCleanAsync("the contract list on a phone with its filters open");
        await registrar.ScreenshotAsync("phone-contract-filters-390");
        await registrar.Page.SetViewportSizeAsync(1366, 900);
        await registrar.Page.ReloadAsync();
        (await registrar.Page.IsVisibleAsync("#status")).Should().BeTrue("on a wide screen the filters are open");

        var leader = await fx.SharedTabAsync(390);
        await leader.SignInAsync("leader.city");
        var row = leader.Page.Locator("#indicator-table tr[data-indicator='hnte_count']");
        foreach (var cell in new[] { "td.actual", "td.target", "td.progress-cell", "td.status" })
        {
            var box = (await row.Locator(cell).BoundingBoxAsync())!;
            (box.X + box.Width).Should().BeLessThanOrEqualTo(390, $"{cell} of the cockpit is in sight on a phone");
        }

        await leader.ExpectCleanAsync("the cockpit on a phone");
    }

    /// <summary>The user guide's screenshots: the pages each role's chapter walks through, at 1366 px, cut to the window.</summary>
    private static readonly (string? User, string Path, string File)[] GuideShots =
    [
        (null, "/account/login", "sign-in"),
        ("ent.a", "/workspace", "enterprise-workspace"),
        ("ent.a", "/contracts/new", "enterprise-contract-form"),
        ("ent.a", "/needs/new", "enterprise-need-form"),
        ("univ.aqnu", "/results", "university-results"),
        ("univ.aqnu", "/reports", "university-report"),
        ("county.huaining", "/projects/problems", "county-problems"),
        ("county.huaining", "/organizations", "county-organizations"),
        ("registrar.city", "/contracts?tab=Intake", "registrar-queue"),
        ("registrar.city", "first:#contract-table tbody a", "registrar-contract"),
        ("expert.a", "/reviews", "expert-reviews"),
        ("bureau", "/projects/calls", "bureau-calls"),
        ("bureau", "/experts", "bureau-experts"),
        ("dept.jxj", "/first-products", "department-first-products"),
        ("bank.a", "/finance/applications", "bank-loans"),
        ("leader.city", "/cockpit", "leader-cockpit"),
    ];

    [Fact]
    public async Task The_user_guide_screenshots_are_refreshed_and_help_shows_them_on_a_phone()
    {
        var directory = Path.Combine(Repository.Root(), "docs", "images", "guide");
        Directory.CreateDirectory(directory);
        foreach (var group in GuideShots.GroupBy(s => s.User))
        {
            var tab = await fx.SharedTabAsync(1366);
            await tab.Page.SetViewportSizeAsync(1366, 760);
            if (group.Key is { } user)
            {
                await tab.SignInAsync(user);
            }

            foreach (var (_, path, file) in group)
            {
                if (path.StartsWith("first:", StringComparison.Ordinal))
                {
                    await tab.GoAsync((await tab.Page.GetAttributeAsync(path["first:".Length..], "href"))!);
                }
                else
                {
                    await tab.GoAsync(path);
                }

                if (file.EndsWith("cockpit", StringComparison.Ordinal))
                {
                    await tab.Page.WaitForSelectorAsync("#chart-monthly canvas");
                    await tab.Page.WaitForTimeoutAsync(600); // the charts' entry animation
                }

                await tab.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, file + ".png") });
            }
        }

        var reader = await fx.SharedTabAsync(390);
        await reader.GoAsync("/help#registrar");
        (await reader.Page.IsVisibleAsync("#user-guide h2#registrar")).Should().BeTrue();
        var problems = await reader.Page.EvaluateAsync<string[]>(LayoutProblems);
        problems.Should().BeEmpty();
        await reader.ExpectCleanAsync("the user guide on a phone");
        await reader.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(fx.ScreenshotDirectory, "help-390.png") });
        await reader.Page.SetViewportSizeAsync(1366, 900);
        await reader.GoAsync("/help#enterprise");
        await reader.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(fx.ScreenshotDirectory, "help-1366.png") });
    }
}
