using AnqingTechTransfer.Domain.Experts;
using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace AnqingTechTransfer.BrowserTests;

/// <summary>Issue 23 §8: an enterprise fills the table-row budget, sees the sums change as it types, saves and finds its rows.</summary>
[Collection(BrowserCollection2.Name)]
public class ApplicationFormJourneyTests(BrowserFixture fx)
{
    [Fact]
    public async Task An_enterprise_fills_the_budget_rows_adds_one_sees_the_live_sums_and_finds_its_rows_saved()
    {
        Guid programmeId;
        using (CurrentActor.BeginSystemScope())
        using (var scope = fx.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var now = fx.Factory.Clock.GetUtcNow();
            var call = Call.Draft(2027, "表格申报测试指南", now, "一、支持方向\n新材料。");
            programmeId = call.AddProgramme(new ProgrammeTerms("表格申报测试研发众包专项", FundingMode.Crowdsourcing, 500m, now.AddDays(-1), now.AddDays(30), 2, 3, true, ["申报书"], null, 100m) { AcceptanceCriteria = "按任务要求完成验收" }, now).Id;
            call.Publish(now);
            db.ProjectCalls.Add(call);
            await db.SaveChangesAsync();
        }

        await using var enterprise = await PortalPage.OpenAsAsync(fx, "ent.a");
        await enterprise.GoAsync($"/projects/programmes/{programmeId}");
        await enterprise.Page.ClickAsync("#apply-btn");
        await enterprise.Page.FillAsync("#Title", "表格预算浏览器测试项目");
        await enterprise.Page.FillAsync("#Summary", "研制高选择性催化剂并完成中试。");

        // The offered rows (设备费, 材料费 …): amounts typed, the sums follow as one types.
        await enterprise.Page.FillAsync("#Budget_0_Own", "30");
        await enterprise.Page.FillAsync("#Budget_0_Requested", "20");
        await enterprise.Page.FillAsync("#Budget_1_Own", "10.5");
        await enterprise.Page.FillAsync("#Budget_1_Requested", "15");
        (await enterprise.Page.TextContentAsync("#budget-table-sum-Own")).Should().Be("40.5");
        (await enterprise.Page.TextContentAsync("#budget-table-sum-Requested")).Should().Be("35");
        (await enterprise.Page.TextContentAsync("#budget-table-total")).Should().Be("75.5");

        // A row added by the button, typed into: the sums change at once; over the cap, the warning shows.
        var budget = enterprise.Page.Locator("#budget-table-box");
        var rowsBefore = await budget.Locator("tbody tr").CountAsync();
        await budget.Locator("[data-add-row]").ClickAsync();
        (await budget.Locator("tbody tr").CountAsync()).Should().Be(rowsBefore + 1);
        var added = budget.Locator("tbody tr").Last;
        await added.Locator("input[name$='.Category']").FillAsync("测试化验加工费");
        await added.Locator("input[name$='.Own']").FillAsync("4");
        await added.Locator("input[name$='.Requested']").FillAsync("70");
        (await added.Locator("input[name$='.Own']").GetAttributeAsync("name")).Should().Be($"Budget[{rowsBefore}].Own");
        (await enterprise.Page.TextContentAsync("#budget-table-sum-Requested")).Should().Be("105");
        (await budget.Locator("[data-cap-warning]").IsVisibleAsync()).Should().BeTrue("105 万元 is over the 100 万元 cap");
        await added.Locator("input[name$='.Requested']").FillAsync("40");
        (await enterprise.Page.TextContentAsync("#budget-table-sum-Requested")).Should().Be("75");
        (await enterprise.Page.TextContentAsync("#budget-table-total")).Should().Be("119.5");
        (await budget.Locator("[data-cap-warning]").IsVisibleAsync()).Should().BeFalse();

        // A row removed: the names are renumbered so the list still binds.
        await budget.Locator("tbody tr").Nth(2).Locator("[data-remove-row]").ClickAsync();
        (await added.Locator("input[name$='.Own']").GetAttributeAsync("name")).Should().Be($"Budget[{rowsBefore - 1}].Own");

        await enterprise.Page.FillAsync("#Milestones_0_Name", "完成中试");
        await enterprise.Page.FillAsync("#Milestones_0_Due", "2027-12-31");
        await enterprise.Page.FillAsync("#Milestones_0_Deliverable", "中试报告");
        await enterprise.Page.FillAsync("#Team_0_Name", "张工");
        await enterprise.Page.FillAsync("#Team_0_IdNumber", PersonalIds.CompleteIdNumber("34080219800101123"));
        await enterprise.Page.FillAsync("#Partners_0_Name", "安庆师范大学");
        await enterprise.Page.FillAsync("#Partners_0_CreditCode", Domain.Organizations.CreditCode.Complete("12340800485000001"));
        await enterprise.ExpectCleanAsync("the application form with table rows");
        await enterprise.ScreenshotAsync("application-rows-typed-1366");
        await enterprise.Page.ClickAsync("#save-draft");

        (await enterprise.Page.TextContentAsync(".alert-success")).Should().Contain("已保存草稿");
        (await enterprise.Page.InputValueAsync("#Budget_0_Category")).Should().Be("设备费");
        (await enterprise.Page.InputValueAsync("#Budget_1_Own")).Should().Be("10.5");
        (await enterprise.Page.InputValueAsync("#Budget_2_Category")).Should().Be("测试化验加工费");
        (await enterprise.Page.InputValueAsync("#Team_0_IdNumber")).Should().Be("已加密保存");
        (await enterprise.Page.InputValueAsync("#Partners_0_Name")).Should().Be("安庆师范大学");
        (await enterprise.Page.TextContentAsync("#budget-table-sum-Own")).Should().Be("44.5");
        (await enterprise.Page.TextContentAsync("#budget-table-sum-Requested")).Should().Be("75");
        await enterprise.ExpectCleanAsync("the saved application form");
        await enterprise.ScreenshotAsync("application-rows-saved-1366");

        await enterprise.Page.SetViewportSizeAsync(390, 844);
        await enterprise.Page.ReloadAsync();
        await enterprise.ExpectCleanAsync("the application form on a phone");
        (await enterprise.Page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1")).Should().BeTrue("the row tables stack on a phone, no sideways scroll");
        await enterprise.ScreenshotAsync("application-rows-saved-390");
    }
}
