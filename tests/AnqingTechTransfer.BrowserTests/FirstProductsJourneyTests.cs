using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AnqingTechTransfer.BrowserTests;

/// <summary>Issue 24 §4: 市经信局 keeps the 三首 研制需求清单 as the plan says — 适时调整, 调出 with a public reason, and the yearly revision.</summary>
[Collection(BrowserCollection.Name)]
public class FirstProductsJourneyTests(BrowserFixture fx)
{
    private const int Year = 2029; // a year no other journey uses

    private async Task<Guid> EntryAsync(string product)
    {
        await using var scope = fx.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Web.Data.PortalDbContext>();
        return await db.DemandEntries.Where(d => d.Year == Year && d.Product == product).Select(d => d.Id).SingleAsync();
    }

    [Fact]
    public async Task The_economy_bureau_adjusts_retires_and_revises_its_demand_list_and_the_public_reads_the_changes()
    {
        await using var jxj = await PortalPage.OpenAsAsync(fx, "dept.jxj");
        await jxj.GoAsync($"/first-products?year={Year}");
        foreach (var (product, targets) in new[] { ("高精度数控成形磨床", "定位精度≤2μm"), ("在线粘度检测仪", "测量精度±1%") })
        {
            await jxj.Page.SelectOptionAsync("#kind", "Equipment");
            await jxj.Page.FillAsync("#field", "高端装备");
            await jxj.Page.FillAsync("#product", product);
            await jxj.Page.FillAsync("#targets", targets);
            await jxj.Page.ClickAsync("#add-demand");
            await jxj.Page.WaitForSelectorAsync("#flash-success");
        }

        await jxj.Page.ClickAsync("#publish-demand");
        await jxj.Page.WaitForSelectorAsync("#flash-success:has-text('已发布')");
        var grinder = await EntryAsync("高精度数控成形磨床");
        var meter = await EntryAsync("在线粘度检测仪");

        // 适时调整: the targets tightened; the entry is marked with the day.
        await jxj.Page.ClickAsync($"#demand-{grinder} + tr.demand-manage summary");
        await jxj.Page.FillAsync($"#targets-{grinder}", "定位精度≤1μm，表面粗糙度Ra≤0.1μm");
        await jxj.ScreenshotAsync("first-products-revise-1366");
        await jxj.Page.ClickAsync($"#demand-{grinder} + tr.demand-manage .demand-revise button[type=submit]");
        await jxj.Page.WaitForSelectorAsync("#flash-success:has-text('需求已调整')");
        (await jxj.Page.TextContentAsync($"#demand-{grinder}")).Should().Contain("定位精度≤1μm").And.Contain("调整");

        // 调出 with a public reason (confirmed); it is not carried into the next year.
        await jxj.Page.ClickAsync($"#demand-{meter} + tr.demand-manage summary");
        await jxj.Page.FillAsync($"#reason-{meter}", "本地企业已研制成功并实现销售");
        await jxj.Page.ClickAsync($"#demand-{meter} + tr.demand-manage .demand-retire button[type=submit]");
        await jxj.Page.WaitForSelectorAsync("#flash-success:has-text('已调出清单')");
        (await jxj.Page.TextContentAsync($"#demand-{meter}")).Should().Contain("已调出").And.Contain("本地企业已研制成功并实现销售");
        await jxj.ExpectCleanAsync("the adjusted demand list");
        await jxj.ScreenshotAsync("first-products-adjusted-1366");

        // 年度修订: next year's draft from the entries still asked for, shown for adjustment before it is published.
        await jxj.Page.ClickAsync("#revise-year");
        await jxj.Page.WaitForSelectorAsync("#flash-success:has-text('年度清单草稿（1 项')");
        new Uri(jxj.Page.Url).Query.Should().Contain($"year={Year + 1}");
        var draft = await jxj.Page.TextContentAsync("#demand-table tbody");
        draft.Should().Contain("高精度数控成形磨床").And.Contain("定位精度≤1μm").And.Contain("（未发布）").And.NotContain("在线粘度检测仪");
        await jxj.ExpectCleanAsync("the next year's draft");
        await jxj.ScreenshotAsync("first-products-next-draft-1366");

        // The public reads the published year with both changes, on a phone; the draft stays unpublished.
        await using var visitor = await PortalPage.OpenAsync(fx, 390);
        await visitor.GoAsync($"/first-products?year={Year}");
        (await visitor.Page.TextContentAsync($"#demand-{grinder}")).Should().Contain("定位精度≤1μm");
        (await visitor.Page.TextContentAsync($"#demand-{meter}")).Should().Contain("已调出").And.Contain("理由：本地企业已研制成功并实现销售");
        (await visitor.Page.Locator(".demand-manage").CountAsync()).Should().Be(0);
        await visitor.ExpectCleanAsync("the public demand list on a phone");
        await visitor.ScreenshotAsync("first-products-public-390");
        await visitor.GoAsync($"/first-products?year={Year + 1}");
        (await visitor.Page.TextContentAsync("#demand-table")).Should().NotContain("高精度数控成形磨床");
    }
}
