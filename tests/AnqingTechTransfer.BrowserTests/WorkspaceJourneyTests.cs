using AnqingTechTransfer.Web.Data.Seed;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AnqingTechTransfer.BrowserTests;

[CollectionDefinition(Name)]
public class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

/// <summary>
/// A second app, database and Chromium, so the journeys run on two lanes at once (each collection is serial inside). The
/// classes are split by their measured time to keep scripts/test.sh under its 15 minutes; no journey depends on another's data.
/// </summary>
[CollectionDefinition(Name)]
public class BrowserCollection2 : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser-2";
}

[Collection(BrowserCollection.Name)]
public class WorkspaceJourneyTests(BrowserFixture fx)
{
    // Leaders land on their cockpit instead (CockpitJourneyTests).
    public static TheoryData<string> DemoUsers => new(DemoSeed.Users.Where(u => !u.Roles.SequenceEqual([AnqingTechTransfer.Domain.PortalRoles.Leader])).Select(u => u.UserName));

    [Theory]
    [MemberData(nameof(DemoUsers))]
    public async Task Each_demo_user_signs_in_and_sees_the_workspace_of_their_role_on_desktop_and_phone(string userName)
    {
        var page = await fx.SharedTabAsync();
        await page.SignInAsync(userName);
        page.Page.Url.Should().EndWith("/workspace");
        (await page.Page.TextContentAsync("#workspace-heading")).Should().Be("工作台");
        var user = DemoSeed.Users.Single(u => u.UserName == userName);
        (await page.Page.TextContentAsync("main")).Should().Contain(user.DisplayName);
        await page.ExpectCleanAsync($"the workspace of {userName}");
        await page.ScreenshotAsync($"workspace-{userName}-1366");

        await page.Page.SetViewportSizeAsync(390, 844);
        await page.Page.ReloadAsync();
        await page.ExpectCleanAsync($"the phone workspace of {userName}");
        await page.ScreenshotAsync($"workspace-{userName}-390");
    }

    [Theory]
    [InlineData("/", "home")]
    [InlineData("/account/login", "login")]
    [InlineData("/account/register", "register")]
    [InlineData("/projects", "projects")]
    [InlineData("/no/such/page", "not-found")]
    public async Task Public_pages_are_accessible_on_desktop_and_phone(string path, string name)
    {
        foreach (var width in new[] { 1366, 390 })
        {
            var page = await fx.SharedTabAsync(width);
            await page.GoAsync(path);
            await page.ExpectCleanAsync(path);
            await page.ScreenshotAsync($"{name}-{width}");
        }
    }

    [Fact]
    public async Task The_administration_pages_are_accessible()
    {
        var pending = await PendingOrganizationIdAsync();
        var entA = await UserIdAsync("ent.a");
        await using var page = await PortalPage.OpenAsync(fx);
        await page.SignInAsync("bureau.admin");
        foreach (var (path, name) in new[]
                 {
                     ("/organizations", "organizations"), ($"/organizations/{pending}", "organization-details"), ("/admin/users", "users"),
                     ("/admin/users/new", "user-new"), ("/admin/code-tables", "code-tables"),
                     ("/admin/code-tables/tech-field", "code-table"), ("/messages", "messages"), ("/account/security", "security"),
                     ("/account/password", "password"), ($"/admin/users/{entA}/roles", "user-roles"),
                 })
        {
            await page.GoAsync(path);
            (await page.Page.Locator("#error-page").CountAsync()).Should().Be(0, $"{path} shows its page");
            await page.ExpectCleanAsync(path);
            await page.ScreenshotAsync($"admin-{name}-1366");
        }
    }

    [Fact]
    public async Task The_auditor_and_the_security_administrator_each_see_their_own_page()
    {
        await using var auditor = await PortalPage.OpenAsync(fx);
        await auditor.SignInAsync("auditor");
        await auditor.GoAsync("/admin/audit");
        (await auditor.Page.Locator("#error-page").CountAsync()).Should().Be(0);
        await auditor.ExpectCleanAsync("/admin/audit");
        await auditor.ScreenshotAsync("admin-audit-1366");

        await using var security = await PortalPage.OpenAsync(fx);
        await security.SignInAsync("security.admin");
        await security.GoAsync("/admin/security");
        await security.Page.FillAsync("#MaxFailedSignIns", "4");
        await security.Page.ClickAsync("#security-form button[type=submit]");
        await security.Page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.NetworkIdle);
        (await security.Page.TextContentAsync("#flash-success")).Should().Contain("安全策略已保存");
        (await security.Page.InputValueAsync("#MaxFailedSignIns")).Should().Be("4");
        await security.ExpectCleanAsync("/admin/security");
        await security.ScreenshotAsync("admin-security-1366");
    }

    [Fact]
    public async Task An_enterprise_registers_in_the_browser_and_its_county_approves_it()
    {
        await using var applicant = await PortalPage.OpenAsync(fx, 390);
        await applicant.GoAsync("/account/register");
        await applicant.Page.SelectOptionAsync("#Kind", "Enterprise");
        await applicant.Page.SelectOptionAsync("#RegionCode", "340822");
        await applicant.Page.FillAsync("#OrganizationName", "怀宁县浏览器测试新材料有限公司");
        await applicant.Page.FillAsync("#CreditCode", Domain.Organizations.CreditCode.Complete("91340822MA2N09876"));
        await applicant.Page.FillAsync("#ContactName", "测试员");
        await applicant.Page.FillAsync("#ContactPhone", "13905560000");
        await applicant.Page.FillAsync("#UserName", "browser.ent");
        await applicant.Page.FillAsync("#DisplayName", "浏览器测试员");
        await applicant.Page.FillAsync("#Password", "Browser#2026");
        await applicant.Page.FillAsync("#ConfirmPassword", "Browser#2026");
        await applicant.Page.CheckAsync("#AcceptPrivacyNotice");
        await applicant.ScreenshotAsync("register-filled-390");
        await applicant.Page.ClickAsync("#register-btn");
        await applicant.Page.WaitForURLAsync("**/workspace");
        (await applicant.Page.TextContentAsync("#registration-pending")).Should().Contain("审核中");
        await applicant.ExpectCleanAsync("the pending workspace");
        await applicant.ScreenshotAsync("workspace-pending-390");

        await using var county = await PortalPage.OpenAsync(fx);
        county.Page.Dialog += async (_, dialog) => await dialog.AcceptAsync(); // the confirmation before approving
        await county.SignInAsync("county.huaining");
        await county.Page.ClickAsync("#todo-list a:has-text('待审核的单位注册申请')");
        await county.Page.ClickAsync("text=怀宁县浏览器测试新材料有限公司");
        await county.ScreenshotAsync("organization-review-1366");
        await county.Page.ClickAsync("#approve-btn");
        await county.Page.WaitForSelectorAsync("#flash-success");
        (await county.Page.TextContentAsync("#organization-status")).Should().Be("正常");

        fx.Factory.Clock.Advance(TimeSpan.FromSeconds(61)); // the applicant's session picks up the approval
        await applicant.GoAsync("/workspace");
        (await applicant.Page.Locator("#registration-pending").CountAsync()).Should().Be(0);
        (await applicant.Page.TextContentAsync("main")).Should().Contain("单位注册审核通过");
        await applicant.ScreenshotAsync("workspace-approved-390");
    }

    private async Task<Guid> UserIdAsync(string userName)
    {
        await using var scope = fx.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Web.Data.PortalDbContext>();
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }

    private async Task<Guid> PendingOrganizationIdAsync()
    {
        using var system = Web.Tenancy.CurrentActor.BeginSystemScope();
        await using var scope = fx.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Web.Data.PortalDbContext>();
        return await db.Organizations.Where(o => o.Name == "怀宁县皖河智能装备有限公司").Select(o => o.Id).SingleAsync();
    }
}
