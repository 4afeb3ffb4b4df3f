using AnqingTechTransfer.Domain.Experts;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AnqingTechTransfer.BrowserTests;

[Collection(BrowserCollection2.Name)]
public class ReviewJourneyTests(BrowserFixture fx)
{
    private async Task ScoreAsync(string user, bool chief)
    {
        await using var page = await PortalPage.OpenAsync(fx);
        page.Page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.SignInAsync(user);
        await page.GoAsync("/reviews");
        await page.Page.ClickAsync("#assignment-table a:has-text('浏览器测试评审')");
        await page.ExpectCleanAsync($"the assignment of {user}");
        await page.Page.ClickAsync("#no-conflict-btn");
        await page.Page.CheckAsync("#agree");
        await page.Page.ClickAsync("#commit-btn");
        await page.Page.FillAsync("#score-0", chief ? "55" : "45");
        await page.Page.FillAsync("#score-1", "30");
        await page.Page.FillAsync("#comment", "技术路线清晰，实施方案可行。");
        await page.Page.ClickAsync("#score-btn");
        (await page.Page.TextContentAsync("#seat-state")).Should().Be("已评分");
        if (chief)
        {
            await page.Page.FillAsync("#opinion", "主审意见：项目创新性较强，建议立项。");
            await page.Page.ClickAsync("#opinion-btn");
            await page.ScreenshotAsync("review-chief-1366");
            await page.Page.ClickAsync("#close-btn");
            (await page.Page.TextContentAsync("#closed-note")).Should().Contain("80.00");
        }
        else
        {
            await page.ScreenshotAsync("review-member-1366");
            // Experts often open their assignment on a phone.
            await page.Page.SetViewportSizeAsync(390, 844);
            await page.Page.ReloadAsync();
            await page.ExpectCleanAsync($"the phone assignment of {user}");
            await page.ScreenshotAsync("review-member-390");
        }
    }

    [Fact]
    public async Task The_bureau_draws_a_panel_the_experts_declare_and_score_and_the_chief_closes_it()
    {
        // Arrangement: only the experts with portal accounts stay available, so the draw seats the two who can sign in.
        using (CurrentActor.BeginSystemScope())
        using (var scope = fx.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            foreach (var expert in await db.Experts.Where(e => e.UserId == null && e.Status == ExpertStatus.Active).ToListAsync())
            {
                expert.Suspend("浏览器测试：仅保留有账号的专家", null);
            }

            foreach (var expert in await db.Experts.Where(e => e.UserId != null && e.Status == ExpertStatus.Applied).ToListAsync())
            {
                expert.Approve(DateOnly.FromDateTime(DateTime.UtcNow));
            }

            await db.SaveChangesAsync();
        }

        await using var bureau = await PortalPage.OpenAsync(fx);
        bureau.Page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await bureau.SignInAsync("bureau");
        await bureau.GoAsync("/experts");
        await bureau.ExpectCleanAsync("the expert pool");
        await bureau.ScreenshotAsync("experts-bureau-1366");
        await bureau.GoAsync("/panels/new");
        await bureau.Page.FillAsync("#Title", "浏览器测试评审：绿色催化材料项目");
        await bureau.Page.FillAsync("#ApplicantName", "安庆华宁新材料科技有限公司");
        await bureau.Page.FillAsync("#ApplicantCreditCode", Domain.Organizations.CreditCode.Complete("91340822MA2N00501"));
        await bureau.Page.FillAsync("#Rubric", "技术先进性,60\n实施方案,40");
        await bureau.Page.SelectOptionAsync("#Aggregation", "Mean");
        await bureau.Page.ClickAsync("#save-panel");
        await bureau.Page.CheckAsync("#draw-field-01");
        await bureau.Page.CheckAsync("#draw-field-02");
        await bureau.Page.FillAsync("#Count", "2");
        await bureau.Page.FillAsync("#Reserves", "0");
        await bureau.Page.FillAsync("#MinCredit", "0");
        await bureau.Page.ClickAsync("#draw-btn");
        (await bureau.Page.Locator("#seat-table tbody tr").CountAsync()).Should().Be(2);
        await bureau.Page.ClickAsync("#seat-table tr:has-text('卫明远') button:has-text('设为首席')");
        (await bureau.Page.TextContentAsync("#seat-table tr:has-text('卫明远')")).Should().Contain("首席专家");
        await bureau.ExpectCleanAsync("a drawn panel");
        await bureau.ScreenshotAsync("panel-drawn-1366");

        await ScoreAsync("expert.b", chief: false);
        await ScoreAsync("expert.a", chief: true);

        await bureau.Page.ReloadAsync();
        (await bureau.Page.TextContentAsync("#panel-result")).Should().Be("80.00");
        await bureau.Page.ClickAsync("#publish-btn");
        (await bureau.Page.TextContentAsync("#panel-status")).Should().Be("已公示");
        await bureau.ExpectCleanAsync("a published panel");
        await bureau.ScreenshotAsync("panel-published-1366");
    }
}
