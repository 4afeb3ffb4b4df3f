using AnqingTechTransfer.Domain.Supervision;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AnqingTechTransfer.BrowserTests;

/// <summary>A lead unit reports its progress, the bureau accepts it and marks the measure done; the bureau publishes the index and the public opens it.</summary>
[Collection(BrowserCollection2.Name)]
public class SupervisionJourneyTests(BrowserFixture fx)
{
    [Fact]
    public async Task A_lead_unit_files_a_report_the_bureau_marks_the_measure_done_and_the_public_opens_the_published_index()
    {
        string measureUrl;
        using (CurrentActor.BeginSystemScope())
        using (var scope = fx.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            measureUrl = "/supervision/" + await db.PlanMeasures.Where(m => m.Number == 14).Select(m => m.Id).SingleAsync();
        }

        await using (var county = await PortalPage.OpenAsAsync(fx, "county.huaining"))
        {
            await county.GoAsync("/supervision?mine=true");
            (await county.Page.TextContentAsync("#measure-table")).Should().Contain("共建科技成果转化中心或产业技术研究院");
            await county.ScreenshotAsync("supervision-board-huaining-1366");
            await county.GoAsync(measureUrl);
            await county.Page.FillAsync("#progress", "与安庆师范大学共建怀宁县科技成果转化中心，已完成场地装修并入驻研发团队2个。");
            await county.Page.FillAsync("#figureName-0", "入驻研发团队");
            await county.Page.FillAsync("#figureValue-0", "2");
            await county.Page.FillAsync("#figureUnit-0", "个");
            await county.ExpectCleanAsync("the progress report form");
            await county.ScreenshotAsync("supervision-report-form-1366");
            await county.Page.ClickAsync("#file-report");
            (await county.Page.TextContentAsync("#measure-reports")).Should().Contain("入驻研发团队：2个");
            (await county.Page.TextContentAsync(".measure-report .report-status")).Should().Be("待审阅");
        }

        await using (var bureau = await PortalPage.OpenAsAsync(fx, "bureau"))
        {
            await bureau.GoAsync("/supervision");
            (await bureau.Page.Locator("#unit-table").CountAsync()).Should().Be(1, "the bureau sees the measures by unit");
            await bureau.ExpectCleanAsync("the supervision board");
            await bureau.ScreenshotAsync("supervision-board-bureau-1366");
            await bureau.GoAsync(measureUrl);
            (await bureau.Page.TextContentAsync("#lead-status")).Should().Contain("怀宁县：已报送");
            await bureau.Page.Locator(".review-form button:has-text('审阅通过')").ClickAsync();
            (await bureau.Page.TextContentAsync(".measure-report .report-status")).Should().Be("已审阅");
            await bureau.Page.FillAsync("#conclusion", "各县区园区均已与高校院所共建成果转化中心");
            await bureau.Page.ClickAsync("#mark-done");
            (await bureau.Page.TextContentAsync("#measure-status")).Should().Be("已完成");
            await bureau.ExpectCleanAsync("a measure marked done");
            await bureau.ScreenshotAsync("supervision-measure-done-1366");

            await bureau.GoAsync("/index/preview?period=2025");
            await bureau.ExpectCleanAsync("the index preview");
            await bureau.ScreenshotAsync("index-preview-1366");
            await bureau.Page.ClickAsync("#publish-index");
            (await bureau.Page.TextContentAsync("#city-index")).Should().MatchRegex(@"^\d+\.\d\d$");
        }

        await using (var visitor = await PortalPage.OpenAsync(fx))
        {
            await visitor.GoAsync("/");
            await visitor.Page.ClickAsync("#home-index");
            (await visitor.Page.TextContentAsync("#index-method")).Should().Contain("2021年同期");
            (await visitor.Page.Locator("#index-table tbody tr").CountAsync()).Should().Be(13, "the city and its 12 counties and parks");
            await visitor.ExpectCleanAsync("the public index");
            await visitor.ScreenshotAsync("index-public-1366");
        }

        await using (var phone = await PortalPage.OpenAsync(fx, 390))
        {
            await phone.GoAsync("/index");
            await phone.ExpectCleanAsync("the public index on a phone");
            await phone.ScreenshotAsync("index-public-390");
        }

        using (CurrentActor.BeginSystemScope())
        using (var scope = fx.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            (await db.PlanMeasures.SingleAsync(m => m.Number == 14)).Status.Should().Be(MeasureStatus.Done);
        }
    }
}
