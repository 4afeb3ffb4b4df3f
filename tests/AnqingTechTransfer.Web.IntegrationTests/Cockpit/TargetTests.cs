using System.Globalization;
using System.Net;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.IntegrationTests.Cockpit;

public class TargetTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    private Task<Guid> IndicatorAsync(string key) => fx.WithDbAsync((db, _) => db.Indicators.Where(i => i.Key == key).Select(i => i.Id).SingleAsync());

    private Task<decimal?> TargetAsync(Guid indicator, string region, int year) => fx.WithDbAsync((db, _) =>
        db.KpiTargets.Where(t => t.IndicatorId == indicator && t.RegionCode == region && t.Year == year).Select(t => (decimal?)t.Value).SingleOrDefaultAsync());

    [Fact]
    public async Task A_new_plan_period_generates_the_geometric_path_from_the_baseline_and_locked_targets_stay_as_they_are()
    {
        var zzb = await fx.As("dept.zzb");
        var absorbed = await IndicatorAsync("absorbed_amount");

        var created = await zzb.PostFormAsync("/targets/periods/new", new()
        {
            ["Name"] = "2026—2029年测试规划期", ["BaselineYear"] = "2026", ["FinalYear"] = "2029", ["Multiple"] = "2", ["Shape"] = "Geometric",
        }, "/targets/periods/new");
        created.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var period = await fx.WithDbAsync((db, _) => db.PlanPeriods.SingleAsync(p => p.BaselineYear == 2026 && p.FinalYear == 2029));

        var baseline = await zzb.PostFormAsync("/targets/baseline", new()
        {
            ["IndicatorId"] = absorbed.ToString(), ["RegionCode"] = "340825", ["Year"] = "2026", ["Value"] = "1000",
            ["SourceDocument"] = "2026年太湖县技术合同登记统计", ["Verified"] = "true",
        }, $"/targets/baseline?indicator={absorbed}&region=340825&year=2026");
        baseline.StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await zzb.PostFormAsync($"/targets/periods/{period.Id}/generate", [], "/targets")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await TargetAsync(absorbed, "340825", 2027)).Should().Be(decimal.Round(1000m * (decimal)Math.Pow(2, 1 / 3.0), 2));
        (await TargetAsync(absorbed, "340825", 2028)).Should().Be(decimal.Round(1000m * (decimal)Math.Pow(2, 2 / 3.0), 2));
        (await TargetAsync(absorbed, "340825", 2029)).Should().Be(2000m, "the final target is the baseline times the multiple");

        (await zzb.PostFormAsync($"/targets/lock?period={period.Id}", new() { ["region"] = "340825" }, "/targets")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var refused = await zzb.PostFormAsync("/targets/value", new()
        {
            ["IndicatorId"] = absorbed.ToString(), ["RegionCode"] = "340825", ["Year"] = "2028", ["Value"] = "9999",
        }, "/targets/periods/new");
        PortalClient.Parse(await refused.Content.ReadAsStringAsync()).QuerySelector("#value-form [role=alert]")!.TextContent.Should().Contain("目标已锁定");
        (await TargetAsync(absorbed, "340825", 2028)).Should().NotBe(9999m);

        // Re-generating leaves locked targets alone; after unlocking, a target can be edited by hand.
        await zzb.PostFormAsync($"/targets/periods/{period.Id}/generate", [], "/targets");
        (await TargetAsync(absorbed, "340825", 2029)).Should().Be(2000m);
        await zzb.PostFormAsync($"/targets/unlock?period={period.Id}", new() { ["region"] = "340825" }, "/targets");
        await zzb.PostFormAsync("/targets/value", new()
        {
            ["IndicatorId"] = absorbed.ToString(), ["RegionCode"] = "340825", ["Year"] = "2028", ["Value"] = "1700", ["Version"] = await fx.WithDbAsync((db, _) =>
                db.KpiTargets.Where(t => t.IndicatorId == absorbed && t.RegionCode == "340825" && t.Year == 2028).Select(t => t.Version.ToString(CultureInfo.InvariantCulture)).SingleAsync()),
        }, "/targets/periods/new");
        (await TargetAsync(absorbed, "340825", 2028)).Should().Be(1700m);

        var audit = await fx.WithDbAsync((db, _) => db.AuditEntries.CountAsync(a => a.EntityType == "KpiTarget"));
        audit.Should().BeGreaterThan(0, "target changes are audited");
    }

    [Fact]
    public async Task A_baseline_needs_its_source_and_replacing_a_demo_value_clears_the_demo_mark()
    {
        var bureau = await fx.As("bureau");
        var highTech = await IndicatorAsync("hnte_count");
        var form = $"/targets/baseline?indicator={highTech}&region=340826&year=2021";
        (await bureau.GetPageAsync(form)).QuerySelector(".alert-warning")!.TextContent.Should().Contain("示例数据");

        var missing = await bureau.PostFormAsync("/targets/baseline", new()
        {
            ["IndicatorId"] = highTech.ToString(), ["RegionCode"] = "340826", ["Year"] = "2021", ["Value"] = "-3", ["SourceDocument"] = "",
        }, form);
        var page = PortalClient.Parse(await missing.Content.ReadAsStringAsync());
        page.QuerySelector("[data-valmsg-for='SourceDocument']")!.TextContent.Should().Be("请填写数据来源");
        page.QuerySelector("[data-valmsg-for='Value']")!.TextContent.Should().Be("基数值应在0到10亿之间");
        (await fx.WithDbAsync((db, _) => db.KpiBaselines.SingleAsync(b => b.IndicatorId == highTech && b.RegionCode == "340826" && b.Year == 2021))).IsDemo
            .Should().BeTrue("nothing is saved from a refused form");

        var version = await fx.WithDbAsync((db, _) => db.KpiBaselines.Where(b => b.IndicatorId == highTech && b.RegionCode == "340826" && b.Year == 2021)
            .Select(b => b.Version).SingleAsync());
        var saved = await bureau.PostFormAsync("/targets/baseline", new()
        {
            ["IndicatorId"] = highTech.ToString(), ["RegionCode"] = "340826", ["Year"] = "2021", ["Value"] = "37", ["SourceDocument"] = "宿松县2021年高新技术企业名单",
            ["SourceUrl"] = "https://example.gov.cn/list", ["Version"] = version.ToString(CultureInfo.InvariantCulture),
        }, form);
        saved.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var baseline = await fx.WithDbAsync((db, _) => db.KpiBaselines.SingleAsync(b => b.IndicatorId == highTech && b.RegionCode == "340826" && b.Year == 2021));
        baseline.Value.Should().Be(37);
        baseline.IsDemo.Should().BeFalse();
        baseline.EnteredBy.Should().Contain("张科员");

        // A stale form (the version it was read at) is refused, not silently applied.
        var stale = await bureau.PostFormAsync("/targets/baseline", new()
        {
            ["IndicatorId"] = highTech.ToString(), ["RegionCode"] = "340826", ["Year"] = "2021", ["Value"] = "99", ["SourceDocument"] = "过期表单",
            ["Version"] = version.ToString(CultureInfo.InvariantCulture),
        }, form);
        stale.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await fx.WithDbAsync((db, _) => db.KpiBaselines.SingleAsync(b => b.Id == baseline.Id))).Value.Should().Be(37);
    }

    [Fact]
    public async Task A_county_reads_its_targets_but_cannot_set_them()
    {
        var county = await fx.As("county.huaining");
        var page = await county.GetPageAsync("/targets");
        page.QuerySelector("h1")!.TextContent.Should().Contain("怀宁县");
        page.QuerySelectorAll("#targets-table tbody tr").Should().NotBeEmpty();
        page.QuerySelector("#lock-targets").Should().BeNull();
        var absorbed = await IndicatorAsync("absorbed_amount");
        var before = await TargetAsync(absorbed, "340822", 2024);
        var refused = await county.PostFormAsync("/targets/value", new()
        {
            ["IndicatorId"] = absorbed.ToString(), ["RegionCode"] = "340822", ["Year"] = "2024", ["Value"] = "1",
        }, "/targets");
        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await TargetAsync(absorbed, "340822", 2024)).Should().Be(before);
    }
}
