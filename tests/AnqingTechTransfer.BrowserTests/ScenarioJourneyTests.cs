using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AnqingTechTransfer.BrowserTests;

/// <summary>Issue 24 §3: a park records a scenario need, reviews and publishes it, and a university sees it matched to its result and expresses interest.</summary>
[Collection(BrowserCollection.Name)]
public class ScenarioJourneyTests(BrowserFixture fx)
{
    private const string Title = "旅程测试：中药饮片连续提取首试";

    [Fact]
    public async Task A_park_records_reviews_and_publishes_a_scenario_and_a_university_sees_it_matched_to_its_result()
    {
        await using (var park = await PortalPage.OpenAsAsync(fx, "park.jkq"))
        {
            await park.GoAsync("/scenarios");
            await park.Page.ClickAsync("#new-scenario");
            await park.Page.FillAsync("#Title", Title);
            await park.Page.FillAsync("#Place", "经开区医药产业园");
            await park.Page.FillAsync("#Problem", "园区中药饮片企业间歇提取能耗高，征集连续提取与在线检测技术现场试用。");
            await park.Page.SelectOptionAsync("#FieldCode", "05");
            await park.Page.FillAsync("#Keywords", "中药、提取、在线检测");
            await park.Page.FillAsync("#Deadline", DateOnly.FromDateTime(fx.Factory.Clock.GetUtcNow().UtcDateTime).AddDays(40).ToString("yyyy-MM-dd"));
            await park.ExpectCleanAsync("the scenario form");
            await park.Page.ClickAsync("#save-scenario");
            (await park.Page.TextContentAsync("#scenario-status")).Should().Contain("草稿");
            await park.Page.ClickAsync("#submit-scenario");
            (await park.Page.TextContentAsync("#scenario-status")).Should().Be("待审核");
            await park.ExpectCleanAsync("a scenario under review");
            await park.ScreenshotAsync("scenario-review-1366");
            await park.Page.ClickAsync("#approve-scenario");
            (await park.Page.TextContentAsync("#scenario-status")).Should().Be("征集中");
            (await park.Page.TextContentAsync("#matched-results")).Should().Contain("中药有效成分连续逆流提取装置").And.Contain("同一技术领域");
            await park.ExpectCleanAsync("a published scenario with its matches");
            await park.ScreenshotAsync("scenario-published-1366");
            await park.Page.SetViewportSizeAsync(390, 844);
            await park.Page.ReloadAsync();
            await park.ExpectCleanAsync("a published scenario on a phone");
            await park.ScreenshotAsync("scenario-published-390");
        }

        Guid result;
        using (CurrentActor.BeginSystemScope())
        using (var scope = fx.Factory.Services.CreateScope())
        {
            result = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().TechResults.Where(r => r.Title == "中药有效成分连续逆流提取装置").Select(r => r.Id).SingleAsync();
        }

        await using (var university = await PortalPage.OpenAsAsync(fx, "univ.aqnu"))
        {
            await university.GoAsync($"/results/{result}");
            (await university.Page.TextContentAsync("#scenario-matches")).Should().Contain("场景与您的成果匹配").And.Contain(Title);
            await university.ExpectCleanAsync("the university's result with a matched scenario");
            await university.ScreenshotAsync("scenario-result-match-1366");
            await university.Page.ClickAsync($"#scenario-matches a:has-text('{Title}')");
            await university.Page.FillAsync("#text", "多级连续逆流提取装置，可现场试用3个月");
            await university.Page.ClickAsync("#interest-btn");
            (await university.Page.TextContentAsync("#own-interest")).Should().Contain("等待发布单位确认对接");
            await university.Page.SetViewportSizeAsync(390, 844);
            await university.Page.ReloadAsync();
            await university.ExpectCleanAsync("the scenario for a supplier on a phone");
            await university.ScreenshotAsync("scenario-supplier-390");
            await university.GoAsync($"/results/{result}");
            await university.ScreenshotAsync("scenario-result-match-390");
        }
    }
}
