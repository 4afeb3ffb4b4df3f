using AnqingTechTransfer.Domain.Experts;
using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AnqingTechTransfer.BrowserTests;

/// <summary>
/// 揭榜挂帅 in the browser, every step by the person who takes it: an enterprise posts a problem, its county recommends it,
/// the bureau lists it, a university team applies, its park recommends, a panel from the expert pool reviews, the bureau
/// decides and publicises, the publicity ends, the enterprise signs the three-party agreement, a tranche is paid, and an
/// acceptance panel scores the results before the bureau records the conclusion.
/// </summary>
[Collection(BrowserCollection2.Name)]
public class ProjectJourneyTests(BrowserFixture fx)
{
    private const string Problem = "旅程测试：电子级光刻胶树脂纯化";
    private const string Title = "光刻胶树脂金属离子深度纯化技术";

    /// <summary>On a panel's page: draws the two experts who have accounts, makes 卫明远 chief; they score and he signs.</summary>
    private async Task ReviewAsync(PortalPage bureau, string panelTitle, decimal[] memberScores, decimal[] chiefScores)
    {
        await bureau.Page.CheckAsync("#draw-field-01");
        await bureau.Page.CheckAsync("#draw-field-02");
        await bureau.Page.FillAsync("#Count", "2");
        await bureau.Page.FillAsync("#Reserves", "0");
        await bureau.Page.FillAsync("#MinCredit", "0");
        await bureau.Page.ClickAsync("#draw-btn");
        (await bureau.Page.Locator("#seat-table tbody tr").CountAsync()).Should().Be(2);
        await bureau.Page.ClickAsync("#seat-table tr:has-text('卫明远') button:has-text('设为首席')");

        foreach (var (user, scores, chief) in new[] { ("expert.b", memberScores, false), ("expert.a", chiefScores, true) })
        {
            await using var expert = await PortalPage.OpenAsAsync(fx, user);
            await expert.GoAsync("/reviews");
            await expert.Page.ClickAsync($"#assignment-table a:has-text('{panelTitle}')");
            await expert.Page.ClickAsync("#no-conflict-btn");
            await expert.Page.CheckAsync("#agree");
            await expert.Page.ClickAsync("#commit-btn");
            for (var i = 0; i < scores.Length; i++)
            {
                await expert.Page.FillAsync($"#score-{i}", scores[i].ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            await expert.Page.FillAsync("#comment", "材料完整，指标明确。");
            await expert.Page.ClickAsync("#score-btn");
            if (chief)
            {
                await expert.Page.FillAsync("#opinion", "主审意见：同意。");
                await expert.Page.ClickAsync("#opinion-btn");
                await expert.Page.ClickAsync("#close-btn");
                (await expert.Page.TextContentAsync("#closed-note")).Should().Contain("评审已结束");
            }
        }
    }

    [Fact]
    public async Task From_an_enterprises_problem_to_an_accepted_project()
    {
        // Arrangement: a published call with a 揭榜挂帅 programme; only the experts with portal accounts stay in the pool.
        using (CurrentActor.BeginSystemScope())
        using (var scope = fx.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var now = fx.Factory.Clock.GetUtcNow();
            var call = Call.Draft(2027, "旅程测试申报指南", now);
            call.AddProgramme(new ProgrammeTerms("旅程测试揭榜挂帅专项", FundingMode.Unveiling, 500m, now.AddDays(-1), now.AddDays(30), 2, 3, true, [], null, 200m), now);
            call.Publish(now);
            db.ProjectCalls.Add(call);
            foreach (var expert in await db.Experts.Where(e => e.UserId == null && e.Status == ExpertStatus.Active).ToListAsync())
            {
                expert.Suspend("浏览器测试：仅保留有账号的专家", null);
            }

            foreach (var expert in await db.Experts.Where(e => e.UserId != null && e.Status == ExpertStatus.Applied).ToListAsync())
            {
                expert.Approve(DateOnly.FromDateTime(now.UtcDateTime));
            }

            await db.SaveChangesAsync();
        }

        // 1. The enterprise posts its problem; 怀宁县 recommends it; the bureau lists it on the programme's 榜单.
        await using (var enterprise = await PortalPage.OpenAsAsync(fx, "ent.a"))
        {
            await enterprise.GoAsync("/projects/problems/new");
            await enterprise.Page.FillAsync("#Title", Problem);
            await enterprise.Page.FillAsync("#Description", "树脂中钠、铁等金属离子含量偏高，影响光刻胶良率");
            await enterprise.Page.FillAsync("#Targets", "金属离子≤10ppb，收率≥90%");
            await enterprise.Page.FillAsync("#OwnFunds", "200");
            await enterprise.Page.FillAsync("#Deadline", DateTime.UtcNow.AddYears(2).ToString("yyyy-MM-dd"));
            await enterprise.Page.ClickAsync("#save-problem");
            (await enterprise.Page.TextContentAsync("#problem-table")).Should().Contain(Problem);
        }

        await using (var county = await PortalPage.OpenAsAsync(fx, "county.huaining"))
        {
            await county.GoAsync("/projects/problems");
            await county.Page.ClickAsync($"#problem-table tr:has-text('{Problem}') button.btn-outline-success");
            (await county.Page.TextContentAsync($"#problem-table tr:has-text('{Problem}')")).Should().Contain("县区已推荐");
        }

        await using var bureau = await PortalPage.OpenAsAsync(fx, "bureau");
        await bureau.GoAsync("/projects/problems");
        await bureau.Page.SelectOptionAsync($"#problem-table tr:has-text('{Problem}') select", new Microsoft.Playwright.SelectOptionValue { Label = "旅程测试揭榜挂帅专项" });
        await bureau.Page.ClickAsync($"#problem-table tr:has-text('{Problem}') button:has-text('列入榜单')");

        await using (var visitor = await PortalPage.OpenAsync(fx))
        {
            await visitor.GoAsync("/projects");
            (await visitor.Page.TextContentAsync("#unveiling-list")).Should().Contain(Problem).And.Contain("金属离子≤10ppb");
            await visitor.ExpectCleanAsync("the public 榜单");
            await visitor.ScreenshotAsync("journey-public-list-1366");
        }

        // 2. A university team takes the problem and applies; 高新区 recommends; the bureau's formal check passes.
        string applicationUrl;
        await using (var team = await PortalPage.OpenAsAsync(fx, "univ.buct"))
        {
            await team.GoAsync("/projects/applications");
            var form = team.Page.Locator("form[action='/projects/applications/new']:has-text('旅程测试揭榜挂帅专项')");
            await form.Locator("select").SelectOptionAsync(new Microsoft.Playwright.SelectOptionValue { Label = Problem });
            await form.Locator("button").ClickAsync();
            await team.Page.FillAsync("#Title", Title);
            await team.Page.FillAsync("#Summary", "采用螯合树脂与超滤耦合工艺，实现金属离子深度脱除并完成百公斤级中试。");
            await team.Page.FillAsync("#Budget_0_Own", "100");
            await team.Page.FillAsync("#Budget_0_Requested", "60");
            await team.Page.FillAsync("#Budget_1_Own", "40");
            await team.Page.FillAsync("#Budget_1_Requested", "40");
            await team.Page.FillAsync("#Milestones_0_Name", "完成小试");
            await team.Page.FillAsync("#Milestones_0_Due", $"{DateTime.UtcNow.AddMonths(8):yyyy-MM-dd}");
            await team.Page.FillAsync("#Milestones_0_Deliverable", "小试报告");
            await team.Page.FillAsync("#Milestones_1_Name", "完成中试");
            await team.Page.FillAsync("#Milestones_1_Due", $"{DateTime.UtcNow.AddMonths(20):yyyy-MM-dd}");
            await team.Page.FillAsync("#Milestones_1_Deliverable", "中试报告");
            await team.Page.FillAsync("#Team_0_Name", "郑博");
            await team.Page.FillAsync("#Team_0_IdNumber", PersonalIds.CompleteIdNumber("34080219850101123"));
            await team.Page.ClickAsync("#save-draft");
            await team.ExpectCleanAsync("a filled 揭榜 application");
            await team.ScreenshotAsync("journey-application-1366");
            await team.Page.ClickAsync("#submit-application");
            (await team.Page.TextContentAsync("#application-status")).Should().Be("待县区推荐");
            applicationUrl = new Uri(team.Page.Url).AbsolutePath;
        }

        await using (var park = await PortalPage.OpenAsAsync(fx, "park.gxq"))
        {
            await park.GoAsync(applicationUrl);
            await park.Page.ClickAsync("#recommend-btn");
            (await park.Page.TextContentAsync("#application-status")).Should().Be("待形式审查");
        }

        await bureau.GoAsync(applicationUrl);
        await bureau.Page.ClickAsync("#check-btn");
        (await bureau.Page.TextContentAsync("#application-status")).Should().Be("待专家评审");

        // 3. The expert panel reviews; the bureau records the signed result, approves and publicises.
        await bureau.Page.ClickAsync("#panel-btn");
        await ReviewAsync(bureau, "项目申报评审：" + Title, [26, 25, 17, 16], [28, 27, 18, 17]);
        await bureau.GoAsync(applicationUrl);
        await bureau.Page.ClickAsync("#score-btn");
        (await bureau.Page.TextContentAsync("#ranking-table tbody tr")).Should().Contain(Title).And.Contain("87.00");
        await bureau.ExpectCleanAsync("the programme's ranking");
        await bureau.ScreenshotAsync("journey-ranking-1366");
        await bureau.Page.ClickAsync($"#ranking-table tr:has-text('{Title}') button:has-text('拟立项')");
        await bureau.Page.ClickAsync("#open-publicity");
        (await bureau.Page.TextContentAsync("#publicity-status")).Should().Be("公示中");
        var publicityUrl = new Uri(bureau.Page.Url).AbsolutePath;

        await using (var visitor = await PortalPage.OpenAsync(fx))
        {
            await visitor.GoAsync(publicityUrl);
            (await visitor.Page.TextContentAsync("#publicity-table")).Should().Contain(Title).And.Contain("北京化工大学安庆研究院");
            await visitor.ExpectCleanAsync("the public publicity list");
            await visitor.ScreenshotAsync("journey-publicity-1366");

            // Anyone may object during the window, with a name and a way to be reached.
            await visitor.Page.FillAsync("#from", "某研究院 张某 0556-5550000");
            await visitor.Page.FillAsync("#text", "项目团队负责人同期承担省级同类项目，请核查是否重复申报。");
            await visitor.Page.ClickAsync("#object-btn");
        }

        // The bureau upholds the objection for now: the project is held (暂缓立项), shown so on the public list, until checked.
        await bureau.GoAsync(publicityUrl);
        await bureau.Page.FillAsync(".objection-answer input[name=answer]", "异议成立，暂缓立项，核查是否重复申报。");
        await bureau.Page.SelectOptionAsync(".objection-answer select[name=effect]", "Hold");
        await bureau.Page.ClickAsync(".objection-answer button[type=submit]");
        (await bureau.Page.TextContentAsync(".held-resolve")).Should().Contain(Title);
        await using (var visitor = await PortalPage.OpenAsync(fx))
        {
            await visitor.GoAsync(publicityUrl);
            (await visitor.Page.TextContentAsync("#publicity-table")).Should().Contain("暂缓立项");
            await visitor.ExpectCleanAsync("a publicity list with a held project");
            await visitor.ScreenshotAsync("journey-publicity-held-1366");
            await visitor.Page.SetViewportSizeAsync(390, 844);
            await visitor.Page.ReloadAsync();
            await visitor.ScreenshotAsync("journey-publicity-held-390");
        }

        // Checked: not a duplicate; the project is reinstated with the conclusion the public list shows.
        await bureau.Page.FillAsync(".held-resolve input[name=reason]", "经核查，省级项目研究内容与本项目不同，不属于重复申报。");
        await bureau.Page.ClickAsync(".held-resolve button[value=true]");
        (await bureau.Page.Locator(".held-resolve").CountAsync()).Should().Be(0);
        await bureau.ExpectCleanAsync("a publicity after the check");
        await bureau.ScreenshotAsync("journey-publicity-checked-1366");

        // 4. The publicity window passes: the bureau ends it, which awards the project, and signs the task contract.
        DateOnly endsOn;
        using (CurrentActor.BeginSystemScope())
        using (var scope = fx.Factory.Services.CreateScope())
        {
            var id = Guid.Parse(publicityUrl.Split('/').Last());
            endsOn = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Publicities.Where(p => p.Id == id).Select(p => p.EndsOn).SingleAsync();
        }

        fx.Factory.Clock.Advance(TimeSpan.FromDays(endsOn.DayNumber - DateOnly.FromDateTime(fx.Factory.Clock.GetUtcNow().AddHours(8).UtcDateTime).DayNumber + 1));
        await using var bureauLater = await PortalPage.OpenAsAsync(fx, "bureau");
        await bureauLater.GoAsync(publicityUrl);
        await bureauLater.Page.ClickAsync("#end-publicity");
        (await bureauLater.Page.TextContentAsync("#publicity-status")).Should().Be("已结束");
        await bureauLater.GoAsync(applicationUrl);
        await bureauLater.Page.FillAsync("#tranches", $"1,60,签订三方协议,{DateTime.UtcNow.AddDays(15):yyyy-MM-dd}\n2,40,通过验收,{DateTime.UtcNow.AddYears(2):yyyy-MM-dd}");
        await bureauLater.Page.ClickAsync("#contract-btn");
        (await bureauLater.Page.TextContentAsync("#three-party")).Should().Contain("待发榜企业签署");
        var projectUrl = new Uri(bureauLater.Page.Url).AbsolutePath;

        // 5. The posting enterprise signs the three-party agreement; the first tranche is paid.
        await using (var enterprise = await PortalPage.OpenAsAsync(fx, "ent.a"))
        {
            await enterprise.GoAsync(projectUrl);
            await enterprise.Page.ClickAsync("#sign-btn");
            (await enterprise.Page.TextContentAsync("#three-party")).Should().Contain("发榜企业已于");
        }

        await bureauLater.GoAsync(projectUrl);
        await bureauLater.Page.SelectOptionAsync("#tranche", "1");
        await bureauLater.Page.FillAsync("#amount", "60");
        await bureauLater.Page.FillAsync("#reference", "AQKJ-2027-001");
        await bureauLater.Page.ClickAsync("#disburse-btn");
        (await bureauLater.Page.TextContentAsync("#disbursed")).Should().Be("60.00");

        // 6. Acceptance by a panel from the pool; the conclusion follows its signed score.
        await bureauLater.Page.ClickAsync("#acceptance-panel-btn");
        await ReviewAsync(bureauLater, "项目验收：" + Title, [34, 17, 21, 13], [36, 18, 22, 14]);
        await bureauLater.GoAsync(projectUrl);
        (await bureauLater.Page.TextContentAsync("#acceptance-score")).Should().Contain("87.50");
        await bureauLater.Page.SelectOptionAsync("#conclusion", "Passed");
        await bureauLater.Page.FillAsync("#opinion", "完成任务书规定的各项考核指标，同意通过验收。");
        await bureauLater.Page.ClickAsync("#accept-btn");
        (await bureauLater.Page.TextContentAsync("#project-status")).Should().Be("验收通过");
        (await bureauLater.Page.TextContentAsync("#acceptance-conclusion")).Should().Contain("87.50");
        await bureauLater.ExpectCleanAsync("an accepted project");
        await bureauLater.ScreenshotAsync("journey-accepted-1366");

        // A sanction found later (通报批评) is recorded on the unit and read by the formal check and the expert pool.
        await bureauLater.Page.SelectOptionAsync("#sanction-kind", "PublicCriticism");
        await bureauLater.Page.FillAsync("#sanction-reason", "验收材料中部分测试数据来源不清，予以通报批评。");
        await bureauLater.Page.ClickAsync("#sanction-btn");
        (await bureauLater.Page.TextContentAsync("#sanction-list")).Should().Contain("通报批评");
        await bureauLater.ExpectCleanAsync("a project with a sanction");
        await bureauLater.ScreenshotAsync("journey-sanction-1366");
    }
}
