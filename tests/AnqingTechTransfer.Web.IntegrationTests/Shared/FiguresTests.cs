using System.Net;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;

namespace AnqingTechTransfer.Web.IntegrationTests.Shared;

/// <summary>Issue 25 §8, figures people can read: amounts in 万元 with two decimals, Excel cells that hold numbers and dates as such.</summary>
public class FiguresTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    [Fact]
    public void Amounts_show_two_decimals_and_figures_follow_their_unit()
    {
        Display.Amount(1743.1m).Should().Be("1,743.10");
        Display.Amount(1731.94m).Should().Be("1,731.94");
        Display.Amount((decimal?)null).Should().Be("—");
        Display.WanYuan(80m).Should().Be("80.00 万元");
        Display.Figure(1743.1m, "万元").Should().Be("1,743.10");
        Display.Figure(149m, "家").Should().Be("149");
        Display.Figure(2.5m, "%").Should().Be("2.50");
    }

    [Fact]
    public async Task The_contract_export_holds_amounts_as_numbers_and_the_signing_date_as_a_date()
    {
        var bureau = await fx.As("bureau");
        var export = await bureau.GetAsync("/contracts/export?status=Registered");
        export.StatusCode.Should().Be(HttpStatusCode.OK);
        using var stream = new MemoryStream(await export.Content.ReadAsByteArrayAsync());
        var rows = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true, sheetName: "技术合同").Cast<IDictionary<string, object>>().ToList();
        rows.Should().NotBeEmpty("the demo has registered contracts");
        rows.Should().AllSatisfy(r =>
        {
            r["成交额（万元）"].Should().BeOfType<double>();
            r["技术交易额（万元）"].Should().BeOfType<double>();
            r["签订日期"].Should().BeOfType<DateTime>("a date in Excel is a date, sortable and filterable as such");
            ((double)r["成交额（万元）"] * 100).Should().BeApproximately(Math.Round((double)r["成交额（万元）"] * 100), 1e-6, "amounts carry two decimals at most");
        });
    }

    [Fact]
    public async Task The_organization_export_holds_registration_dates_as_dates()
    {
        var bureau = await fx.As("bureau");
        using var organizations = new MemoryStream(await (await bureau.GetAsync("/organizations/export")).Content.ReadAsByteArrayAsync());
        MiniExcelLibs.MiniExcel.Query(organizations, useHeaderRow: true, sheetName: "单位列表").Cast<IDictionary<string, object>>()
            .Select(r => r["注册日期"]).Should().NotBeEmpty().And.AllBeOfType<DateTime>();
    }

    [Fact]
    public async Task A_drill_down_from_the_cockpit_says_what_it_shows_with_its_total_the_year_and_the_way_back()
    {
        const int year = 2025;
        var bureau = await fx.As("bureau");
        var cockpit = await bureau.GetPageAsync($"/cockpit?year={year}");
        var cell = cockpit.QuerySelector("#indicator-table tr[data-indicator='absorbed_amount'] td.actual")!;
        var link = cell.QuerySelector("a")!.GetAttribute("href")!;
        link.Should().Contain("drill=AbsorbedAmount");

        var list = await bureau.GetPageAsync(link);
        var note = list.QuerySelector("#drill-note")!;
        note.TextContent.Should().Contain("正在查看").And.Contain("吸纳技术合同成交额").And.Contain("安庆市").And.Contain($"{year}年");
        note.QuerySelector("#drill-total")!.TextContent.Should().Be(cell.TextContent.Trim(), "the list adds up to the figure it was opened from");
        note.QuerySelector("#drill-total")!.TextContent.Should().MatchRegex(@"^[\d,]+\.\d{2}$");
        note.QuerySelector("#back-to-cockpit")!.GetAttribute("href").Should().Be($"/cockpit?region=340800&year={year}");
        list.QuerySelector("select#year option[selected]")!.GetAttribute("value").Should().Be(year.ToString(), "the year filter is in sight");

        var highTech = await bureau.GetPageAsync(cockpit.QuerySelector("#indicator-table tr[data-indicator='hnte_count'] td.actual a")!.GetAttribute("href")!);
        highTech.QuerySelector("#drill-note")!.TextContent.Should().Contain("高新技术企业数").And.Contain($"{year}年").And.Contain("共");
        highTech.QuerySelector("#drill-count")!.TextContent.Should().NotBeEmpty();
    }
}
