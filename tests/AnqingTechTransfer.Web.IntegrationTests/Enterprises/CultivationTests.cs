using System.Net;
using AnqingTechTransfer.Domain.Enterprises;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.IntegrationTests.Enterprises;

public class CultivationTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task A_county_marks_an_enterprise_sees_its_gaps_and_follows_up()
    {
        var county = await fx.As("county.huaining");
        var created = await county.PostFormAsync("/enterprises/cultivation/new", new()
        {
            ["EnterpriseName"] = "怀宁县培育测试有限公司", ["CreditCode"] = Domain.Organizations.CreditCode.Complete("91340822MA2Y00011"),
            ["TargetYear"] = "2027", ["Revenue"] = "8000", ["RdRatio"] = "3.2", ["TechStaffRatio"] = "12", ["HighTechRevenueRatio"] = "61", ["CoreIpCount"] = "2",
            ["RegionCode"] = "340882",
        }, "/enterprises/cultivation/new");
        created.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var entry = await fx.WithDbAsync((db, _) => db.CultivationEntries.AsNoTracking().SingleAsync(e => e.EnterpriseName == "怀宁县培育测试有限公司"));
        entry.RegionCode.Should().Be("340822", "a county marks its own enterprises, whatever the form says");

        var page = await county.GetPageAsync($"/enterprises/cultivation/{entry.Id}");
        page.QuerySelector("#gaps")!.TextContent.Should().Contain("研发费用占比 3.2%，低于 4%（差 0.8 个百分点）");

        var empty = await county.PostFormAsync($"/enterprises/cultivation/{entry.Id}/notes", new() { ["text"] = " " }, $"/enterprises/cultivation/{entry.Id}");
        PortalClient.Parse(await empty.Content.ReadAsStringAsync()).QuerySelector("[data-valmsg-for='text']")!.TextContent.Should().Be("请填写跟踪记录");
        await county.PostFormAsync($"/enterprises/cultivation/{entry.Id}/notes", new() { ["text"] = "协助企业规范研发费用辅助账" }, $"/enterprises/cultivation/{entry.Id}");
        (await county.GetPageAsync($"/enterprises/cultivation/{entry.Id}")).QuerySelector("#notes")!.TextContent.Should().Contain("协助企业规范研发费用辅助账");

        // Another county neither finds it nor can mark the same enterprise again.
        (await (await fx.As("county.qianshan")).GetAsync($"/enterprises/cultivation/{entry.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var again = await (await fx.As("county.qianshan")).PostFormAsync("/enterprises/cultivation/new", new()
        {
            ["EnterpriseName"] = "同一企业", ["CreditCode"] = entry.CreditCode, ["TargetYear"] = "2027",
        }, "/enterprises/cultivation/new");
        PortalClient.Parse(await again.Content.ReadAsStringAsync()).QuerySelector("[data-valmsg-for='CreditCode']")!.TextContent
            .Should().Be("该企业已由其他县（市、区）或园区纳入高企培育库");
    }

    [Fact]
    public async Task Editing_updates_the_gaps_and_a_stale_form_is_refused()
    {
        var county = await fx.As("county.huaining");
        var entry = await fx.WithDbAsync((db, _) => db.CultivationEntries.AsNoTracking().FirstAsync(e => e.EnterpriseName == "怀宁县智能装备制造有限公司"));
        var form = new Dictionary<string, string>
        {
            ["TargetYear"] = "2027", ["Revenue"] = "12000", ["RdRatio"] = "4.5", ["TechStaffRatio"] = "11", ["HighTechRevenueRatio"] = "66", ["CoreIpCount"] = "1",
            ["Status"] = "Applied", ["Version"] = entry.Version.ToString(),
        };
        (await county.PostFormAsync($"/enterprises/cultivation/{entry.Id}/edit", form, $"/enterprises/cultivation/{entry.Id}")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var page = await county.GetPageAsync($"/enterprises/cultivation/{entry.Id}");
        page.QuerySelector("#no-gaps").Should().NotBeNull();

        form["RdRatio"] = "1";
        await county.PostFormAsync($"/enterprises/cultivation/{entry.Id}/edit", form, $"/enterprises/cultivation/{entry.Id}");
        var saved = await fx.WithDbAsync((db, _) => db.CultivationEntries.AsNoTracking().SingleAsync(e => e.Id == entry.Id));
        saved.Figures.RdRatio.Should().Be(4.5m, "the second form was read before the first save");
        saved.Status.Should().Be(CultivationStatus.Applied);
    }
}

public class QualificationEntryTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task An_enterprise_enters_its_tech_sme_registration_and_its_county_confirms_it_into_the_count()
    {
        var ent = await fx.As("ent.b");
        var bad = await ent.PostFormAsync("/enterprises/tech-sme/new", new() { ["Year"] = "1999", ["Number"] = "" }, "/enterprises/tech-sme/new");
        var page = PortalClient.Parse(await bad.Content.ReadAsStringAsync());
        page.QuerySelector("[data-valmsg-for='Year']")!.TextContent.Should().Be("评价年度不在有效范围内");
        page.QuerySelector("[data-valmsg-for='Number']")!.TextContent.Should().Be("请填写入库登记编号");

        var ok = await ent.PostFormAsync("/enterprises/tech-sme/new", new() { ["Year"] = "2024", ["Number"] = "X-2024" }, "/enterprises/tech-sme/new");
        ok.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var record = await fx.WithDbAsync((db, _) => db.TechSmeRecords.AsNoTracking().SingleAsync(r => r.Number == "X-2024"));
        record.Confirmation.Should().Be(Confirmation.Pending);
        record.Warning.Should().Contain("评价年度开头", "a format that does not match is a warning, not a refusal");
        var region = record.RegionCode;
        var before = await fx.WithDbAsync((db, _) => db.QualificationYearCounts.Where(c => c.RegionCode == region && c.Year == 2024).Select(c => c.TechSme).SingleOrDefaultAsync());

        var reviewer = region == "340822" ? "county.huaining" : "bureau";
        (await (await fx.As(reviewer)).PostFormAsync($"/enterprises/tech-sme/{record.Id}/confirm", new() { ["version"] = record.Version.ToString() }, "/enterprises/tech-sme"))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await fx.WithDbAsync((db, _) => db.QualificationYearCounts.Where(c => c.RegionCode == region && c.Year == 2024).Select(c => c.TechSme).SingleAsync()))
            .Should().Be(before + 1);
    }

    [Fact]
    public async Task An_enterprise_enters_a_specialized_recognition_once_per_level_and_year()
    {
        var ent = await fx.As("ent.a");
        var form = new Dictionary<string, string> { ["Level"] = "NationalLittleGiant", ["Year"] = "2025" };
        (await ent.PostFormAsync("/enterprises/specialized/new", form, "/enterprises/specialized/new")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var again = await ent.PostFormAsync("/enterprises/specialized/new", form, "/enterprises/specialized/new");
        PortalClient.Parse(await again.Content.ReadAsStringAsync()).QuerySelector("[data-valmsg-for='Year']")!.TextContent.Should().Be("该级别、该年度的认定已登记");
        var list = await ent.GetPageAsync("/enterprises/specialized");
        list.QuerySelector("#specialized-table")!.TextContent.Should().Contain("国家级专精特新“小巨人”企业").And.Contain("待确认");
    }
}
