using AnqingTechTransfer.Domain.Experts;
using AnqingTechTransfer.Domain.Projects;
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
        await page.Page.ClickAsync("#assignment-table a:has-text('浏览器测试连续流合成')");
        await page.ExpectCleanAsync($"the assignment of {user}");
        (await page.Page.Locator("#review-materials").CountAsync()).Should().Be(0, "the materials open only after the declaration and the 承诺书");
        await page.Page.ClickAsync("#no-conflict-btn");
        await page.Page.CheckAsync("#agree");
        await page.Page.ClickAsync("#commit-btn");
        // The expert reads the application itself, with their name across the page.
        (await page.Page.TextContentAsync("#review-materials")).Should().Contain("连续流微反应器").And.Contain("中试报告");
        (await page.Page.TextContentAsync(".review-watermark")).Should().Contain("评审专用");
        for (var i = 0; i < 4; i++)
        {
            await page.Page.FillAsync($"#score-{i}", i < 2 ? "24" : "16");
        }

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

    /// <summary>An open 研发众包 programme with one application of 华宁新材料 that passed the formal check.</summary>
    private async Task<Guid> EligibleApplicationAsync()
    {
        using (CurrentActor.BeginSystemScope())
        using (var scope = fx.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var now = DateTimeOffset.UtcNow;
            var call = Call.Draft(2027, "浏览器测试指南", now);
            var programme = call.AddProgramme(new ProgrammeTerms("浏览器测试评审专项", FundingMode.Crowdsourcing, 300m, now.AddDays(-5), now.AddDays(5), 1, 2, true, [], null, 100m) { AcceptanceCriteria = "按任务要求完成验收" }, now);
            call.Publish(now);
            var org = await db.Organizations.SingleAsync(o => o.Name == "安庆华宁新材料科技有限公司");
            var a = ProjectApplication.Draft(programme, org.Id, org.Name, org.CreditCode, org.RegionCode, true, null, now);
            a.Edit("浏览器测试连续流合成", "以连续流微反应器替代间歇釜式工艺，收率提高15%，三废减少40%。", [new BudgetLine("设备费", 50, 60), new BudgetLine("材料费", 10, 20)],
                [new Milestone("中试", DateOnly.FromDateTime(now.UtcDateTime).AddYears(1), "中试报告")], [], [new TeamMember("吕工", "KEY-BROWSER-LV")]);
            a.Submit(programme.Terms, now);
            a.Recommend(true, null);
            a.RecordFormalCheck([]);
            db.ProjectCalls.Add(call);
            db.ProjectApplications.Add(a);
            await db.SaveChangesAsync();
            return programme.Id;
        }
    }

    [Fact]
    public async Task The_bureau_builds_a_panel_from_the_applications_the_experts_read_and_score_and_the_chief_closes_it()
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

        var programme = await EligibleApplicationAsync();
        await using var bureau = await PortalPage.OpenAsync(fx);
        bureau.Page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await bureau.SignInAsync("bureau");
        await bureau.GoAsync("/experts");
        await bureau.ExpectCleanAsync("the expert pool");
        await bureau.ScreenshotAsync("experts-bureau-1366");

        // The programme's board: the eligible application waits for its panel, which is built from it (nothing retyped).
        await bureau.GoAsync($"/projects/programmes/{programme}/ranking");
        await bureau.Page.ClickAsync("#build-panels");
        (await bureau.Page.TextContentAsync("#pending-table")).Should().Contain("待抽取专家");
        await bureau.ExpectCleanAsync("the programme's review board");
        await bureau.ScreenshotAsync("review-board-1366");
        await bureau.Page.ClickAsync("#pending-table a:has-text('待抽取专家')");
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

        // The draw replays from its insert-only snapshot and the audit chain, side by side with what was recorded.
        await bureau.GoAsync(new Uri(bureau.Page.Url).AbsolutePath + "/replay");
        (await bureau.Page.TextContentAsync("#replay-verdict strong")).Should().Be("一致");
        await bureau.ExpectCleanAsync("a draw's replay");
        await bureau.ScreenshotAsync("panel-replay-1366");

        // Back on the board, the bureau records the panel's signed result: the application is ranked.
        await bureau.GoAsync($"/projects/programmes/{programme}/ranking");
        await bureau.Page.ClickAsync("#pending-table button:has-text('记录评审结果')");
        (await bureau.Page.TextContentAsync("#ranking-table")).Should().Contain("浏览器测试连续流合成").And.Contain("80.00");
        await bureau.Page.SetViewportSizeAsync(390, 844);
        await bureau.Page.ReloadAsync();
        await bureau.ExpectCleanAsync("the ranking on a phone");
        await bureau.ScreenshotAsync("review-ranking-390");
    }
}
