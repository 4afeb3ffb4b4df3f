using System.Net;
using AnqingTechTransfer.Domain.FirstProducts;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.IntegrationTests.FirstProducts;

public class FirstProductTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task The_economy_bureau_publishes_its_demand_list_recognises_a_screened_product_and_the_catalog_records_purchases()
    {
        var year = fx.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).Year;
        var jxj = await fx.As("dept.jxj");
        await jxj.PostFormAsync("/first-products/demand", new() { ["year"] = year.ToString(), ["kind"] = "Material", ["field"] = "新材料", ["product"] = "电子级光刻胶树脂",
            ["targets"] = "金属离子≤10ppb" }, "/first-products");
        (await fx.Anonymous().GetPageAsync($"/first-products?year={year}")).QuerySelector("#demand-table")!.TextContent.Should().NotContain("电子级光刻胶树脂", "not published yet");
        (await (await fx.As("dept.zzb")).PostFormAsync($"/first-products/demand/{year}/publish", [], "/first-products")).StatusCode
            .Should().Be(HttpStatusCode.Forbidden, "only the deciding department keeps the list");
        await jxj.PostFormAsync($"/first-products/demand/{year}/publish", [], "/first-products");
        (await fx.Anonymous().GetPageAsync($"/first-products?year={year}")).QuerySelector("#demand-table")!.TextContent.Should().Contain("电子级光刻胶树脂");

        var ent = await fx.As("ent.a");
        var form = new Dictionary<string, string>
        {
            ["kind"] = "Material", ["productName"] = "高纯电子级树脂", ["model"] = "HN-01", ["indicators"] = "金属离子≤10ppb",
            ["firstUseOn"] = DateOnly.FromDateTime(fx.Clock.GetUtcNow().UtcDateTime).AddMonths(-2).ToString("yyyy-MM-dd"), ["firstCustomer"] = "某光刻胶公司",
            ["noveltyReport"] = "CX2026-001",
        };
        await ent.PostFormAsync("/first-products/applications", form, "/first-products/applications");
        await ent.PostFormAsync("/first-products/applications", form, "/first-products/applications");
        (await ent.GetPageAsync("/first-products/applications")).QuerySelector(".alert-danger")!.TextContent.Should().Contain("不得重复申请");
        var application = await fx.WithDbAsync((db, _) => db.FirstProductApplications.AsNoTracking().SingleAsync(a => a.ProductName == "高纯电子级树脂"));

        (await (await fx.As("ent.b")).GetPageAsync("/first-products/applications")).QuerySelector("#first-product-table")!.TextContent.Should().NotContain("高纯电子级树脂");
        (await (await fx.As("county.qianshan")).PostFormAsync($"/first-products/applications/{application.Id}/screen",
            new() { ["recommend"] = "true", ["version"] = application.Version.ToString() }, "/first-products/applications")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        await (await fx.As("county.huaining")).PostFormAsync($"/first-products/applications/{application.Id}/screen",
            new() { ["recommend"] = "true", ["version"] = application.Version.ToString() }, "/first-products/applications");
        var screened = await fx.WithDbAsync((db, _) => db.FirstProductApplications.AsNoTracking().SingleAsync(a => a.Id == application.Id));
        await jxj.PostFormAsync($"/first-products/applications/{application.Id}/decide",
            new() { ["recognise"] = "true", ["reason"] = "指标达到国内领先", ["version"] = screened.Version.ToString() }, "/first-products/applications");
        (await fx.WithDbAsync((db, _) => db.FirstProductApplications.AsNoTracking().SingleAsync(a => a.Id == application.Id))).State.Should().Be(RecognitionState.Recognised);

        await jxj.PostFormAsync($"/first-products/catalog/{year}", [], "/first-products");
        var catalog = await fx.Anonymous().GetPageAsync($"/first-products/catalog?year={year}");
        catalog.QuerySelector("#catalog-table")!.TextContent.Should().Contain("高纯电子级树脂");
        await (await fx.As("county.huaining")).PostFormAsync($"/first-products/catalog/{application.Id}/purchases", new() { ["kind"] = "FirstPurchase", ["amount"] = "120" },
            $"/first-products/catalog?year={year}");
        (await fx.Anonymous().GetPageAsync($"/first-products/catalog?year={year}")).QuerySelector("#catalog-table .purchases")!.TextContent.Should().Contain("1 笔").And.Contain("120");
    }

    [Fact]
    public async Task The_economy_bureau_adjusts_and_retires_entries_of_its_published_list_and_revises_it_into_next_years_draft()
    {
        var year = 2031;
        var jxj = await fx.As("dept.jxj");
        foreach (var (product, targets) in new[] { ("调整测试树脂", "金属离子≤10ppb"), ("调出测试粘度仪", "精度±1%") })
        {
            await jxj.PostFormAsync("/first-products/demand", new() { ["year"] = year.ToString(), ["kind"] = "Material", ["field"] = "新材料", ["product"] = product,
                ["targets"] = targets }, "/first-products");
        }

        await jxj.PostFormAsync($"/first-products/demand/{year}/publish", [], "/first-products");
        var entries = await fx.WithDbAsync((db, _) => db.DemandEntries.AsNoTracking().Where(d => d.Year == year).ToDictionaryAsync(d => d.Product, d => d.Id));

        // Others may not touch the list; an unknown entry is not found.
        var ent = await fx.As("ent.a");
        (await ent.PostFormAsync($"/first-products/demand/{entries["调整测试树脂"]}/revise", new() { ["product"] = "x", ["targets"] = "y" }, "/first-products"))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await jxj.PostFormAsync($"/first-products/demand/{Guid.NewGuid()}/retire", new() { ["reason"] = "x" }, "/first-products")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        await jxj.PostFormAsync($"/first-products/demand/{entries["调整测试树脂"]}/revise", new()
        {
            ["field"] = "新材料", ["product"] = "调整测试树脂", ["targets"] = "金属离子≤1ppb", ["demandSide"] = "某光刻胶公司", ["scenario"] = "", ["chainLink"] = "",
        }, "/first-products");
        await jxj.PostFormAsync($"/first-products/demand/{entries["调出测试粘度仪"]}/retire", new() { ["reason"] = "" }, "/first-products");
        (await jxj.GetPageAsync($"/first-products?year={year}")).QuerySelector(".alert-danger, [role=alert]")!.TextContent.Should().Contain("理由");
        await jxj.PostFormAsync($"/first-products/demand/{entries["调出测试粘度仪"]}/retire", new() { ["reason"] = "已有本地企业研制成功" }, "/first-products");

        var page = await fx.Anonymous().GetPageAsync($"/first-products?year={year}");
        page.QuerySelector($"#demand-{entries["调整测试树脂"]}")!.TextContent.Should().Contain("金属离子≤1ppb").And.Contain("调整");
        page.QuerySelector($"#demand-{entries["调出测试粘度仪"]}")!.TextContent.Should().Contain("已调出").And.Contain("已有本地企业研制成功");

        await jxj.PostFormAsync($"/first-products/demand/{year}/revision", [], "/first-products");
        var next = await fx.WithDbAsync((db, _) => db.DemandEntries.AsNoTracking().Where(d => d.Year == year + 1).ToListAsync());
        next.Should().ContainSingle().Which.Should().Match<DemandEntry>(d => d.Product == "调整测试树脂" && d.Targets == "金属离子≤1ppb" && !d.IsPublished);
        (await fx.Anonymous().GetPageAsync($"/first-products?year={year + 1}")).QuerySelector("#demand-table")!.TextContent.Should().NotContain("调整测试树脂",
            "the next year's draft is not public until published");
    }

    /// <summary>Issue 24 §4: an application names the entry of the published list it answers (对标研制); a retired, draft or other-kind entry is refused.</summary>
    [Fact]
    public async Task An_application_names_the_published_entry_it_answers_and_the_list_counts_the_answers()
    {
        var year = 2033;
        var jxj = await fx.As("dept.jxj");
        foreach (var (kind, product) in new[] { ("Equipment", "对标测试数控机床"), ("Equipment", "对标测试退役设备"), ("Material", "对标测试材料") })
        {
            await jxj.PostFormAsync("/first-products/demand", new() { ["year"] = year.ToString(), ["kind"] = kind, ["field"] = "高端装备", ["product"] = product,
                ["targets"] = "定位精度≤2μm" }, "/first-products");
        }

        var entries = await fx.WithDbAsync((db, _) => db.DemandEntries.AsNoTracking().Where(d => d.Year == year).ToDictionaryAsync(d => d.Product, d => d.Id));
        var ent = await fx.As("ent.b");
        var draftChoices = (await ent.GetPageAsync("/first-products/applications")).QuerySelectorAll("#demandEntryId option").Select(o => o.GetAttribute("value")).ToList();
        draftChoices.Should().NotContain(entries["对标测试数控机床"].ToString(), "a draft list is not offered");

        await jxj.PostFormAsync($"/first-products/demand/{year}/publish", [], "/first-products");
        await jxj.PostFormAsync($"/first-products/demand/{entries["对标测试退役设备"]}/retire", new() { ["reason"] = "已不再需要" }, "/first-products");
        var choices = (await ent.GetPageAsync("/first-products/applications")).QuerySelectorAll("#demandEntryId option").Select(o => o.GetAttribute("value")).ToList();
        choices.Should().Contain(entries["对标测试数控机床"].ToString()).And.Contain(entries["对标测试材料"].ToString())
            .And.NotContain(entries["对标测试退役设备"].ToString(), "a retired entry is not offered");

        Dictionary<string, string> Form(string product, Guid entry) => new()
        {
            ["kind"] = "Equipment", ["productName"] = product, ["model"] = "M1", ["indicators"] = "定位精度1.5μm",
            ["firstUseOn"] = DateOnly.FromDateTime(fx.Clock.GetUtcNow().UtcDateTime).AddMonths(-1).ToString("yyyy-MM-dd"), ["firstCustomer"] = "某汽车零部件公司",
            ["noveltyReport"] = "CX2026-099", ["demandEntryId"] = entry.ToString(),
        };

        foreach (var (product, entry, message) in new[]
                 {
                     ("对标退役", entries["对标测试退役设备"], "未发布或已调出"),
                     ("对标错类", entries["对标测试材料"], "类别不一致"),
                     ("对标不存在", Guid.NewGuid(), "不存在"),
                 })
        {
            await ent.PostFormAsync("/first-products/applications", Form(product, entry), "/first-products/applications");
            (await ent.GetPageAsync("/first-products/applications")).QuerySelector(".alert-danger")!.TextContent.Should().Contain(message);
        }

        (await fx.WithDbAsync((db, _) => db.FirstProductApplications.CountAsync(a => a.ProductName.StartsWith("对标")))).Should().Be(0, "nothing refused is saved");
        (await ent.PostFormAsync("/first-products/applications", Form("对标五轴机床", entries["对标测试数控机床"]), "/first-products/applications"))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await fx.WithDbAsync((db, _) => db.FirstProductApplications.AsNoTracking().SingleAsync(a => a.ProductName == "对标五轴机床"))).DemandEntryId
            .Should().Be(entries["对标测试数控机床"]);

        // The applicant and the deciding department read which entry it answers; the department sees how many answer each entry.
        (await ent.GetPageAsync("/first-products/applications")).QuerySelector(".answers-entry")!.TextContent.Should().Contain($"{year}年").And.Contain("对标测试数控机床");
        (await jxj.GetPageAsync("/first-products/applications")).QuerySelector("#first-product-table")!.TextContent.Should().Contain("对标清单：" + year + "年");
        var list = await jxj.GetPageAsync($"/first-products?year={year}");
        list.QuerySelector($"#demand-{entries["对标测试数控机床"]} .demand-answers")!.TextContent.Should().Be("对标申请 1 项");
        list.QuerySelector($"#demand-{entries["对标测试材料"]} .demand-answers").Should().BeNull();
        (await fx.Anonymous().GetPageAsync($"/first-products?year={year}")).QuerySelector(".demand-answers").Should().BeNull("the public does not read the applications");
    }
}
