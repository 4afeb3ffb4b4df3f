using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AnqingTechTransfer.BrowserTests;

/// <summary>The newer modules' pages, as the public and as their users see them, on a desktop and on a phone.</summary>
[Collection(BrowserCollection2.Name)]
public class ModulePagesTests(BrowserFixture fx)
{
    public static TheoryData<string?, string, string> Pages => new()
    {
        { null, "/first-products", "first-products" },
        { null, "/first-products/catalog", "first-products-catalog" },
        { null, "/carriers", "carriers" },
        { null, "/scenarios", "scenarios" },
        { null, "/docking-events", "docking-events" },
        { "dept.jxj", "/first-products", "first-products-jxj" },
        { "ent.a", "/first-products/applications", "first-products-applications-ent.a" },
        { "bank.a", "/finance/pool", "finance-pool-bank.a" },
        { "bureau", "/finance/pool", "finance-pool-bureau" },
        { "bureau", "/finance/fund", "finance-fund-bureau" },
        { "bank.a", "/finance/figures", "finance-figures-bank.a" },
        { "bureau", "/commissioners", "commissioners-bureau" },
        { "bureau", "/commissioners/targets", "commissioners-targets-bureau" },
        { "county.huaining", "/commissioners", "commissioners-huaining" },
        { "ent.a", "/docking", "docking-ent.a" },
        { null, "/notices", "notices" },
        { null, "/infringers", "infringers" },
        { null, "/open-data", "open-data" },
        { "dept.scj", "/infringers/manage", "infringers-manage-dept.scj" },
        { "univ.aqnu", "/reports", "reports-univ.aqnu" },
        { "bureau", "/reports/summary?year=2025", "reports-summary-bureau" },
        { "county.huaining", "/supervision?mine=true", "supervision-huaining" },
        { "security.admin", "/admin/security", "admin-security" },
        { "auditor", "/admin/audit", "admin-audit-auditor" },
        { "univ.buct", "/admin/users", "users-buct" },
        { "ent.b", "/account/two-factor", "two-factor-ent.b" },
        { "ent.a", "/account/notifications", "notifications-ent.a" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Each_page_is_clean_on_a_desktop_and_on_a_phone(string? user, string path, string name)
    {
        var page = await fx.SharedTabAsync();
        if (user is not null)
        {
            await page.SignInAsync(user);
        }

        foreach (var width in new[] { 1366, 390 })
        {
            await page.Page.SetViewportSizeAsync(width, width == 390 ? 844 : 900);
            await page.GoAsync(path);
            (await page.Page.Locator("h1").CountAsync()).Should().Be(1, $"{path} has its heading");
            (await page.Page.Locator("h1").TextContentAsync()).Should().NotContain("错误", $"{path} opens for {user ?? "the public"}");
            await page.ExpectCleanAsync($"{path} at {width} px for {user ?? "the public"}");
            await page.ScreenshotAsync($"module-{name}-{width}");
        }
    }

    [Fact]
    public async Task The_bureau_sees_an_expert_masked_and_unmasks_the_numbers_with_a_note_that_it_is_audited()
    {
        Guid expert;
        using (Web.Tenancy.CurrentActor.BeginSystemScope())
        {
            await using var scope = fx.Factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<Web.Data.PortalDbContext>();
            expert = await db.Experts.Where(e => e.Name == "卫明远").Select(e => e.Id).SingleAsync();
        }

        var numbers = Web.Data.Seed.DemoExpertSeed.Numbers(0);
        await using var page = await PortalPage.OpenAsAsync(fx, "bureau");
        await page.GoAsync($"/experts/{expert}");
        (await page.Page.TextContentAsync("#masked-id")).Should().Be(numbers.IdNumber[..6] + "********" + numbers.IdNumber[^4..]);
        await page.ExpectCleanAsync("the expert's page, masked");
        await page.ScreenshotAsync("expert-masked-1366");

        await page.Page.ClickAsync("#reveal-btn");
        await page.Page.WaitForSelectorAsync("#revealed-note");
        (await page.Page.TextContentAsync("#masked-id")).Should().Be(numbers.IdNumber);
        (await page.Page.TextContentAsync("#bank-account")).Should().Be(numbers.BankAccount);
        await page.ExpectCleanAsync("the expert's page, unmasked");
        await page.ScreenshotAsync("expert-revealed-1366");
    }
}
