using System.Net;
using AnqingTechTransfer.Domain.Enterprises;
using AnqingTechTransfer.Web.Features.Enterprises;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AnqingTechTransfer.Web.IntegrationTests.Enterprises;

public class HighTechEntryTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task An_enterprise_enters_a_certificate_its_county_confirms_it_and_only_then_it_counts()
    {
        var enterprise = await fx.As("ent.a");
        var response = await enterprise.PostFormAsync("/enterprises/high-tech/new",
            new() { ["Number"] = "gr202434000555", ["IssuedOn"] = "2024-11-20", ["Mode"] = "Recognition", ["FieldCode"] = "04" }, "/enterprises/high-tech/new");
        response.Headers.Location!.OriginalString.Should().Be("/enterprises");
        var record = await fx.WithDbAsync((db, _) => db.HighTechRecords.AsNoTracking().SingleAsync(r => r.Number == "GR202434000555"));
        record.Confirmation.Should().Be(Confirmation.Pending);
        record.RegionCode.Should().Be("340822");

        async Task<int> CountAsync() => (await fx.WithDbAsync((_, sp) => sp.GetRequiredService<QualificationCountHandler>().HighTechByRegionAsync(2025, CancellationToken.None)))
            .GetValueOrDefault("340822");
        var before = await CountAsync();

        var other = await fx.As("county.qianshan");
        (await other.PostFormAsync($"/enterprises/high-tech/{record.Id}/confirm", new() { ["version"] = record.Version.ToString() })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await (await fx.As("ent.b")).GetPageAsync("/enterprises")).QuerySelector("#high-tech-table")!.TextContent.Should().NotContain("GR202434000555");

        var county = await fx.As("county.huaining");
        (await county.PostFormAsync($"/enterprises/high-tech/{record.Id}/confirm", new() { ["version"] = record.Version.ToString() })).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await fx.WithDbAsync((db, _) => db.HighTechRecords.AsNoTracking().SingleAsync(r => r.Id == record.Id))).Confirmation.Should().Be(Confirmation.Confirmed);
        (await CountAsync()).Should().Be(before + 1, "a confirmed certificate valid on 31 December 2025 counts for 2025");
    }

    [Fact]
    public async Task Bad_input_is_reported_next_to_the_field_and_a_certificate_is_entered_once()
    {
        var enterprise = await fx.As("ent.b");
        var empty = await enterprise.PostFormAsync("/enterprises/high-tech/new", new() { ["Number"] = "", ["FieldCode"] = "99" }, "/enterprises/high-tech/new");
        var page = PortalClient.Parse(await empty.Content.ReadAsStringAsync());
        page.QuerySelector("[data-valmsg-for=Number]")!.TextContent.Should().Be("请填写证书编号");
        page.QuerySelector("[data-valmsg-for=IssuedOn]")!.TextContent.Should().Be("请填写发证日期");

        var form = new Dictionary<string, string> { ["Number"] = "GR202334000666", ["IssuedOn"] = "2023-12-01", ["Mode"] = "Filing", ["FieldCode"] = "02" };
        await enterprise.PostFormAsync("/enterprises/high-tech/new", form, "/enterprises/high-tech/new");
        var again = await enterprise.PostFormAsync("/enterprises/high-tech/new", form, "/enterprises/high-tech/new");
        PortalClient.Parse(await again.Content.ReadAsStringAsync()).QuerySelector("[data-valmsg-for=Number]")!.TextContent.Should().Contain("已登记");
    }
}

public class QualificationTodoTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task A_certificate_awaiting_confirmation_is_on_its_countys_to_do_list_only()
    {
        (await (await fx.As("county.huaining")).GetPageAsync("/workspace")).QuerySelector("#todo-list")!.TextContent.Should().Contain("待确认的高新技术企业证书");
        (await (await fx.As("county.qianshan")).GetPageAsync("/workspace")).QuerySelector("#todo-list")!.TextContent.Should().NotContain("待确认的高新技术企业证书");
    }
}

public class QualificationCountPageTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task The_page_shows_each_scope_its_counts_by_the_counting_rules()
    {
        var expected = await fx.WithDbAsync((db, _) => db.HighTechRecords.AsNoTracking().Where(r => r.Confirmation == Domain.Enterprises.Confirmation.Confirmed).ToListAsync());
        var city = await (await fx.As("bureau")).GetPageAsync("/enterprises?year=2024");
        var huainingRow = city.QuerySelector("#qualification-counts tr[data-region='340822'] .high-tech-count")!.TextContent;
        int.Parse(huainingRow).Should().Be(Domain.Enterprises.QualificationCounting.HighTechEnterprises(expected.Where(r => r.RegionCode == "340822").Select(r => r.Certificate), 2024));

        var county = await (await fx.As("county.huaining")).GetPageAsync("/enterprises?year=2024");
        county.QuerySelectorAll("#qualification-counts tr[data-region]").Select(r => r.GetAttribute("data-region")).Should().OnlyContain(r => r == "340822");
        county.QuerySelector("#qualification-counts tr[data-region='340822'] .high-tech-count")!.TextContent.Should().Be(huainingRow);
    }
}
