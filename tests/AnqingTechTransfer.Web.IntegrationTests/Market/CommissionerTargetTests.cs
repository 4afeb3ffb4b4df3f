using System.Net;
using AnqingTechTransfer.Domain.Matching;
using AnqingTechTransfer.Domain.Regions;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.IntegrationTests.Market;

/// <summary>Issue 24 §2: the bureau splits the city's yearly numbers of commissioners over the regions; each region stands against its own share.</summary>
public class CommissionerTargetTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    private const int Year = 2027; // a year of its own: no demo or other test registers commissioners for it

    /// <summary>双链融合专员: 市本级 6 and 2 for each of the twelve counties, districts and parks (30); 工业互联网服务专员: 市本级 10.</summary>
    private static Dictionary<string, string> Split(Action<Dictionary<string, string>>? change = null)
    {
        var form = new Dictionary<string, string> { ["Year"] = Year.ToString() };
        foreach (var r in AnqingRegions.All)
        {
            form[$"Values[DualChain-{r.Code}]"] = r.Code == AnqingRegions.City ? "6" : "2";
            form[$"Values[IndustrialInternet-{r.Code}]"] = r.Code == AnqingRegions.City ? "10" : "0";
        }

        change?.Invoke(form);
        return form;
    }

    private async Task RegisterAsync(string user, string name, CommissionerKind kind = CommissionerKind.DualChain) =>
        (await (await fx.As(user)).PostFormAsync("/commissioners/new", new()
        {
            ["Kind"] = kind.ToString(), ["Name"] = name, ["Employer"] = "科技局", ["Serves"] = "产业链", ["Year"] = Year.ToString(),
        }, "/commissioners/new")).StatusCode.Should().Be(HttpStatusCode.Redirect);

    private static string Card(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelector("#commissioner-counts")!.TextContent;

    [Fact]
    public async Task The_bureau_splits_the_citys_numbers_each_region_reads_its_own_share_and_the_city_the_sum_and_the_split()
    {
        await RegisterAsync("county.huaining", "甲双链");
        await RegisterAsync("county.huaining", "乙双链");
        await RegisterAsync("county.huaining", "丙双链");
        await RegisterAsync("county.qianshan", "丁双链");
        await RegisterAsync("bureau", "戊双链");

        // Before the split a county is not measured against the city's 30 (the old page showed every county 未达年度目标).
        var before = Card(await (await fx.As("county.huaining")).GetPageAsync($"/commissioners?year={Year}"));
        before.Should().Contain("3 人（目标未分解）").And.NotContain("目标 30").And.NotContain("未达年度目标");

        var bureau = await fx.As("bureau");
        var form = await bureau.GetPageAsync($"/commissioners/targets?year={Year}");
        form.QuerySelectorAll("#targets-table tbody tr").Should().HaveCount(13, "市本级, ten counties and districts, two parks");

        // A column that does not add up is named under its heading; a cell that is not a number next to it; nothing is saved,
        // and what was typed comes back.
        var wrongSum = await bureau.PostFormAsync("/commissioners/targets", Split(f => f[$"Values[DualChain-{AnqingRegions.Huaining}]"] = "1"), "/commissioners/targets");
        wrongSum.StatusCode.Should().Be(HttpStatusCode.OK);
        var wrongPage = PortalClient.Parse(await wrongSum.Content.ReadAsStringAsync());
        wrongPage.QuerySelector("#error-DualChain")!.TextContent.Should().Be("各地分解之和应等于全市年度目标30名，目前为29名");
        wrongPage.QuerySelector($"#t-DualChain-{AnqingRegions.Huaining}")!.GetAttribute("value").Should().Be("1");
        var notNumber = PortalClient.Parse(await (await bureau.PostFormAsync("/commissioners/targets",
            Split(f => f[$"Values[IndustrialInternet-{AnqingRegions.Qianshan}]"] = "三"), "/commissioners/targets")).Content.ReadAsStringAsync());
        notNumber.QuerySelector($"#t-IndustrialInternet-{AnqingRegions.Qianshan} + .invalid-feedback")!.TextContent.Should().Be("请填写0至1000之间的整数");
        (await fx.WithDbAsync((db, _) => db.CommissionerTargets.CountAsync(t => t.Year == Year))).Should().Be(0);

        // Other roles neither open nor post the split.
        (await (await fx.As("county.huaining")).GetAsync($"/commissioners/targets?year={Year}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await (await fx.As("dept.jxj")).PostFormAsync("/commissioners/targets", Split(), "/commissioners")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await fx.WithDbAsync((db, _) => db.CommissionerTargets.CountAsync(t => t.Year == Year))).Should().Be(0);

        (await bureau.PostFormAsync("/commissioners/targets", Split(), "/commissioners/targets")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var stored = await fx.WithDbAsync((db, _) => db.CommissionerTargets.AsNoTracking().Where(t => t.Year == Year).ToListAsync());
        stored.Should().HaveCount(26);
        stored.Where(t => t.Kind == CommissionerKind.DualChain).Sum(t => t.Target).Should().Be(30);

        // 怀宁县: 3 registered against its 2; 潜山市: 1 against 2 (below); the city: 5 against 30 with the split and each region's count.
        Card(await (await fx.As("county.huaining")).GetPageAsync($"/commissioners?year={Year}")).Should().Contain("3 / 目标 2").And.NotContain("未达年度目标");
        var qianshan = await (await fx.As("county.qianshan")).GetPageAsync($"/commissioners?year={Year}");
        Card(qianshan).Should().Contain("1 / 目标 2").And.Contain("未达年度目标");
        qianshan.QuerySelector("#commissioner-split").Should().BeNull("a county reads its own share, not the city's split");
        var city = await bureau.GetPageAsync($"/commissioners?year={Year}");
        Card(city).Should().Contain("5 / 目标 30").And.Contain("0 / 目标 10");
        var huainingRow = city.QuerySelector($"#split-table tr[data-region='{AnqingRegions.Huaining}']")!.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        huainingRow.Should().Equal("2", "3", "0", "0");
        city.QuerySelector($"#split-table tr[data-region='{AnqingRegions.City}']")!.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).Should().Equal("6", "1", "10", "0");
        city.QuerySelector("#split-table tfoot")!.TextContent.Should().Contain("30 / 全市 30").And.Contain("10 / 全市 10");
        (await (await fx.As("leader.city")).GetPageAsync($"/commissioners?year={Year}")).QuerySelector("#split-table").Should().NotBeNull("the city's leader reads the split");

        // A new split replaces the old one.
        (await bureau.PostFormAsync("/commissioners/targets", Split(f =>
        {
            f[$"Values[DualChain-{AnqingRegions.Huaining}]"] = "4";
            f[$"Values[DualChain-{AnqingRegions.City}]"] = "4";
        }), "/commissioners/targets")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        Card(await (await fx.As("county.huaining")).GetPageAsync($"/commissioners?year={Year}")).Should().Contain("3 / 目标 4").And.Contain("未达年度目标");
        (await fx.WithDbAsync((db, _) => db.CommissionerTargets.CountAsync(t => t.Year == Year))).Should().Be(26);
    }
}
