using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AnqingTechTransfer.BrowserTests;

/// <summary>
/// Issue 23: the demo's four modes as a newcomer walks them — the call with its text, the 研发众包 task's side-by-side
/// comparison of its two solutions, and a 竞争后补助 draft with its declared results and computed subsidy.
/// </summary>
[Collection(BrowserCollection.Name)]
public class DemoModesPagesTests(BrowserFixture fx)
{
    private async Task<Guid> IdAsync(Func<PortalDbContext, Task<Guid>> find)
    {
        using (CurrentActor.BeginSystemScope())
        using (var scope = fx.Factory.Services.CreateScope())
        {
            return await find(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
        }
    }

    [Fact]
    public async Task The_demo_call_shows_each_mode_the_bureau_compares_the_solutions_and_an_enterprise_sees_its_subsidy()
    {
        await using (var visitor = await PortalPage.OpenAsync(fx))
        {
            await visitor.GoAsync("/projects");
            var text = await visitor.Page.TextContentAsync("main");
            text.Should().Contain("2026年度安庆市科技计划项目申报指南").And.Contain("揭榜挂帅").And.Contain("定向委托").And.Contain("研发众包").And.Contain("竞争后补助");
            await visitor.ExpectCleanAsync("the public projects page with the demo call");
            await visitor.ScreenshotAsync("demo-projects-1366");
        }

        var crowd = await IdAsync(async db => (await db.Programmes.AsNoTracking().ToListAsync()).Single(p => p.Terms.Name == "化工园区智能巡检算法（研发众包）").Id);
        await using (var bureau = await PortalPage.OpenAsAsync(fx, "bureau"))
        {
            await bureau.GoAsync($"/projects/programmes/{crowd}/solutions");
            (await bureau.Page.TextContentAsync("#acceptance-criteria")).Should().Contain("识别准确率不低于95%");
            var page = await bureau.Page.TextContentAsync("main");
            page.Should().Contain("基于多光谱融合的管廊泄漏识别方案").And.Contain("轻量化视觉模型的储罐区巡检方案");
            await bureau.ExpectCleanAsync("the solutions of the demo task");
            await bureau.ScreenshotAsync("demo-solutions-1366");
            await bureau.Page.SetViewportSizeAsync(390, 844);
            await bureau.Page.ReloadAsync();
            await bureau.ExpectCleanAsync("the solutions on a phone");
            await bureau.ScreenshotAsync("demo-solutions-390");
        }

        var subsidy = await IdAsync(db => db.ProjectApplications.Where(a => a.Title == "电子级环氧树脂研发成果后补助").Select(a => a.Id).SingleAsync());
        await using (var enterprise = await PortalPage.OpenAsAsync(fx, "ent.a"))
        {
            await enterprise.GoAsync($"/projects/applications/{subsidy}");
            (await enterprise.Page.TextContentAsync("#computed-subsidy")).Should().Contain("100.00").And.Contain("封顶");
            (await enterprise.Page.Locator("#results-form").CountAsync()).Should().Be(1);
            await enterprise.ExpectCleanAsync("a post-subsidy draft");
            await enterprise.ScreenshotAsync("demo-post-subsidy-1366");
            await enterprise.Page.SetViewportSizeAsync(390, 844);
            await enterprise.Page.ReloadAsync();
            await enterprise.ScreenshotAsync("demo-post-subsidy-390");
        }
    }
}
