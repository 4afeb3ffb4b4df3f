using System.Net;
using AnqingTechTransfer.Domain.Matching;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.IntegrationTests.Market;

public class MarketTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    private static IReadOnlyList<string> Titles(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("#market-table tbody th a").Select(a => a.TextContent.Trim()).ToList();

    private Dictionary<string, string> NeedForm(string title, string phone = "13805561234", string min = "50", string max = "200") => new()
    {
        ["Title"] = title, ["Summary"] = "需开发选择性更高的加氢催化剂", ["FieldCode"] = "06", ["Keywords"] = "催化剂、加氢", ["Modes"] = "Commissioned",
        ["ContactName"] = "张伟明", ["ContactPhone"] = phone, ["Targets"] = "选择性≥95%", ["BudgetMin"] = min, ["BudgetMax"] = max,
        ["Deadline"] = DateOnly.FromDateTime(fx.Clock.GetUtcNow().UtcDateTime).AddMonths(6).ToString("yyyy-MM-dd"),
    };

    private Task<TechNeed> NeedAsync(string title) => fx.WithDbAsync((db, _) => db.TechNeeds.AsNoTracking().SingleAsync(n => n.Title == title));

    [Theory]
    [InlineData("催化", null, "绿色催化材料制备技术", true)]
    [InlineData("化材", null, "绿色催化材料制备技术", true)]
    [InlineData("催化", "05", "绿色催化材料制备技术", false)]
    [InlineData("中药 提取", null, "中药有效成分连续逆流提取装置", true)]
    [InlineData("中药 催化", null, "中药有效成分连续逆流提取装置", false)]
    [InlineData("肥", null, "农业废弃物制备生物有机肥技术", true)]
    [InlineData("分子筛负载", null, "绿色催化材料制备技术", true)]
    public async Task The_public_finds_chinese_text_anywhere_in_title_and_summary_within_the_filters(string q, string? field, string title, bool found)
    {
        var page = await fx.Anonymous().GetPageAsync($"/results?q={Uri.EscapeDataString(q)}{(field is null ? "" : "&field=" + field)}");
        Titles(page).Contains(title).Should().Be(found);
    }

    [Fact]
    public async Task Filters_by_mode_maturity_price_and_region_narrow_the_list_and_odd_input_is_harmless()
    {
        var anonymous = fx.Anonymous();
        Titles(await anonymous.GetPageAsync("/results?minMaturity=7")).Should().BeEquivalentTo(["中药有效成分连续逆流提取装置", "农业废弃物制备生物有机肥技术"]);
        Titles(await anonymous.GetPageAsync("/results?maxPrice=100")).Should().BeEquivalentTo(["中药有效成分连续逆流提取装置", "农业废弃物制备生物有机肥技术"],
            "a negotiable price is not known to be under a limit");
        Titles(await anonymous.GetPageAsync("/results?mode=Licence")).Should().Equal("树脂超滤耦合深度纯化工艺");
        Titles(await anonymous.GetPageAsync("/needs?q=光刻胶&maxPrice=300")).Should().Equal("电子级光刻胶树脂金属离子脱除");
        Titles(await anonymous.GetPageAsync("/needs?q=光刻胶&maxPrice=600")).Should().BeEmpty("its budget stops at 500");
        var region = await fx.WithDbAsync((db, _) => db.Organizations.Where(o => o.Name == "安庆华宁新材料科技有限公司").Select(o => o.RegionCode).SingleAsync());
        Titles(await anonymous.GetPageAsync($"/needs?region={region}")).Should().OnlyContain(t => t.Contains("催化剂") || t.Contains("光刻胶"));
        (await anonymous.GetAsync("/needs?q=%25_%5C")).StatusCode.Should().Be(HttpStatusCode.OK);
        Titles(await anonymous.GetPageAsync("/needs?q=%25")).Should().BeEmpty("a percent sign is searched for, not a wildcard");
    }

    [Fact]
    public async Task A_need_is_reviewed_before_it_is_public_and_bad_input_is_shown_next_to_the_field_with_nothing_lost()
    {
        var ent = await fx.As("ent.a");
        var bad = await ent.PostFormAsync("/needs/new", NeedForm("可见性测试需求", phone: "12ab", min: "300", max: "200"), "/needs/new");
        bad.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = PortalClient.Parse(await bad.Content.ReadAsStringAsync());
        page.QuerySelector("[data-valmsg-for=BudgetMax]")!.TextContent.Should().Contain("预算下限不能高于上限");
        page.QuerySelector("#Title")!.GetAttribute("value").Should().Be("可见性测试需求", "nothing typed is lost");
        var badPhone = await ent.PostFormAsync("/needs/new", NeedForm("可见性测试需求", phone: "12ab"), "/needs/new");
        PortalClient.Parse(await badPhone.Content.ReadAsStringAsync()).QuerySelector("[data-valmsg-for=ContactPhone]")!.TextContent.Should().Contain("联系电话");

        (await ent.PostFormAsync("/needs/new", NeedForm("可见性测试需求"), "/needs/new")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var need = await NeedAsync("可见性测试需求");
        need.Status.Should().Be(ListingStatus.Pending);

        (await fx.Anonymous().GetAsync($"/needs/{need.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "not public before review");
        (await (await fx.As("ent.b")).GetAsync($"/needs/{need.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "nor to another enterprise");
        (await (await fx.As("county.qianshan")).GetAsync($"/needs/{need.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "nor to another county");
        Titles(await fx.Anonymous().GetPageAsync("/needs?q=可见性")).Should().BeEmpty();
        (await (await fx.As("county.qianshan")).PostFormAsync($"/needs/{need.Id}/review", new() { ["publish"] = "true", ["version"] = need.Version.ToString() }, "/needs"))
            .StatusCode.Should().Be(HttpStatusCode.NotFound);

        var county = await fx.As("county.huaining");
        (await county.GetPageAsync("/needs/manage?status=Pending")).QuerySelector("#manage-table")!.TextContent.Should().Contain("可见性测试需求");
        await county.PostFormAsync($"/needs/{need.Id}/review", new() { ["publish"] = "true", ["version"] = need.Version.ToString() }, $"/needs/{need.Id}");
        (await NeedAsync("可见性测试需求")).Status.Should().Be(ListingStatus.Published);
        // Issue 25 §1: the owner is told, once (the refused review of 潜山市 told nobody), with a link to the need.
        var told = await fx.WithDbAsync(async (db, _) =>
        {
            var owner = await db.Users.Where(u => u.UserName == "ent.a").Select(u => u.Id).SingleAsync();
            return await db.Notifications.AsNoTracking().Where(n => n.RecipientUserId == owner && n.Link == $"/needs/{need.Id}").Select(n => n.Title + "|" + n.Body).ToListAsync();
        });
        told.Should().Equal("技术需求已审核发布|您单位的技术需求《可见性测试需求》已审核通过并公开发布。");
        (await ent.PostFormAsync("/needs/new", NeedForm("退回消息测试需求"), "/needs/new")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var toReturn = await NeedAsync("退回消息测试需求");
        await county.PostFormAsync($"/needs/{toReturn.Id}/review", new() { ["publish"] = "false", ["remark"] = "请补充技术指标的测试方法", ["version"] = toReturn.Version.ToString() },
            $"/needs/{toReturn.Id}");
        (await NeedAsync("退回消息测试需求")).Status.Should().Be(ListingStatus.Rejected);
        (await (await fx.As("ent.a")).GetPageAsync("/messages")).Body!.TextContent.Should().Contain("技术需求被退回");
        (await fx.WithDbAsync((db, _) => db.Notifications.AsNoTracking().Where(n => n.Link == $"/needs/{toReturn.Id}").Select(n => n.Body).ToListAsync()))
            .Should().ContainSingle().Which.Should().Contain("请补充技术指标的测试方法");
        Titles(await fx.Anonymous().GetPageAsync("/needs?q=可见性")).Should().Equal("可见性测试需求");
        (await fx.Anonymous().GetPageAsync($"/needs/{need.Id}")).QuerySelector("#contact")!.TextContent.Should().Be("张** 138****1234");

        // Published, it cannot be edited in place; withdrawn, it leaves the market.
        var published = await NeedAsync("可见性测试需求");
        await ent.PostFormAsync($"/needs/{need.Id}/withdraw", new() { ["version"] = published.Version.ToString() }, $"/needs/{need.Id}");
        (await fx.Anonymous().GetAsync($"/needs/{need.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_university_docks_a_suggested_need_the_enterprise_accepts_contacts_open_and_a_prefilled_contract_keeps_the_link()
    {
        var (need, result) = await fx.WithDbAsync(async (db, _) =>
            (await db.TechNeeds.AsNoTracking().SingleAsync(n => n.Title == "高选择性加氢催化剂开发"), await db.TechResults.AsNoTracking().SingleAsync(r => r.Title == "绿色催化材料制备技术")));

        // The result's owner sees the need suggested with its reasons.
        var buct = await fx.As("univ.buct");
        var resultPage = await buct.GetPageAsync($"/results/{result.Id}");
        var suggestion = resultPage.QuerySelectorAll("#suggestions li").First(li => li.TextContent.Contains("高选择性加氢催化剂开发"));
        suggestion.TextContent.Should().Contain("同一技术领域").And.Contain("共同关键词").And.Contain("合作方式相符");
        (await buct.GetPageAsync($"/needs/{need.Id}")).QuerySelector("#contact")!.TextContent.Should().Contain("****", "masked until a request is accepted");

        // Only the owner of one side may open a request.
        (await (await fx.As("ent.b")).PostFormAsync("/docking", new() { ["needId"] = need.Id.ToString(), ["resultId"] = result.Id.ToString(), ["message"] = "x" }, "/needs"))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var opened = await buct.PostFormAsync("/docking", new() { ["needId"] = need.Id.ToString(), ["resultId"] = result.Id.ToString(), ["message"] = "我院催化剂选择性达96%，可来厂中试" },
            $"/results/{result.Id}");
        var dockingUrl = opened.Headers.Location!.OriginalString;
        var request = await fx.WithDbAsync((db, _) => db.DockingRequests.AsNoTracking().SingleAsync(r => r.NeedId == need.Id && r.ResultId == result.Id));
        (await (await fx.As("ent.b")).GetAsync(dockingUrl)).StatusCode.Should().Be(HttpStatusCode.NotFound, "a third party does not see the request");
        (await buct.GetPageAsync(dockingUrl)).QuerySelectorAll(".contact").Should().OnlyContain(c => c.TextContent.Contains("****"));
        (await buct.PostFormAsync($"{dockingUrl}/decide", new() { ["accept"] = "true", ["version"] = request.Version.ToString() }, dockingUrl))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden, "the sender does not answer its own request");

        var ent = await fx.As("ent.a");
        await ent.PostFormAsync($"{dockingUrl}/decide", new() { ["accept"] = "true", ["reply"] = "欢迎来厂", ["version"] = request.Version.ToString() }, dockingUrl);
        (await buct.GetPageAsync($"/needs/{need.Id}")).QuerySelector("#contact")!.TextContent.Should().Be($"{need.Contact.Name} {need.Contact.Phone}");
        var accepted = await fx.WithDbAsync((db, _) => db.DockingRequests.AsNoTracking().SingleAsync(r => r.Id == request.Id));
        await buct.PostFormAsync($"{dockingUrl}/messages", new() { ["text"] = "下周三到厂交流", ["version"] = accepted.Version.ToString() }, dockingUrl);
        (await ent.GetPageAsync(dockingUrl)).QuerySelector("#thread")!.TextContent.Should().Contain("下周三到厂交流");

        // The contract form comes pre-filled: the result's owner sells, the need's owner buys.
        var form = await buct.GetPageAsync($"/contracts/new?docking={request.Id}");
        form.QuerySelector("#ProjectName")!.GetAttribute("value").Should().Be("绿色催化材料制备技术");
        form.QuerySelector("#SellerName")!.GetAttribute("value").Should().Be("北京化工大学安庆研究院");
        form.QuerySelector("#BuyerName")!.GetAttribute("value").Should().Be("安庆华宁新材料科技有限公司");
        form.QuerySelector("#DockingRequestId")!.GetAttribute("value").Should().Be(request.Id.ToString());
        var point = await fx.WithDbAsync((db, _) => db.RegistrationPoints.Where(p => p.Code == "01").Select(p => p.Id).SingleAsync());
        (await buct.PostMultipartAsync("/contracts/new", new()
        {
            ["RegistrationPointId"] = point.ToString(), ["ProjectName"] = "绿色催化材料制备技术", ["Intent"] = "draft", ["DockingRequestId"] = request.Id.ToString(),
        }, null, "/contracts/new")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var linked = await fx.WithDbAsync((db, _) => db.DockingRequests.AsNoTracking().SingleAsync(r => r.Id == request.Id));
        var contract = await fx.WithDbAsync((db, _) => db.TechContracts.AsNoTracking().Where(c => c.ProjectName == "绿色催化材料制备技术").Select(c => c.Id).SingleAsync());
        linked.ContractId.Should().Be(contract);
        (await (await fx.As("ent.b")).GetAsync($"/contracts/new?docking={request.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_dismissed_suggestion_is_not_shown_again()
    {
        var need = await NeedAsync("中药提取物连续化生产工艺");
        var ent = await fx.As("ent.b");
        var before = await ent.GetPageAsync($"/needs/{need.Id}");
        before.QuerySelector("#suggestions")!.TextContent.Should().Contain("中药有效成分连续逆流提取装置");
        var result = await fx.WithDbAsync((db, _) => db.TechResults.Where(r => r.Title == "中药有效成分连续逆流提取装置").Select(r => r.Id).SingleAsync());
        await ent.PostFormAsync($"/needs/{need.Id}/dismiss", new() { ["other"] = result.ToString() }, $"/needs/{need.Id}");
        (await ent.GetPageAsync($"/needs/{need.Id}")).QuerySelector("#suggestions")!.TextContent.Should().NotContain("中药有效成分连续逆流提取装置");
    }

    [Fact]
    public async Task Counties_register_commissioners_against_the_yearly_numbers_and_organise_docking_events()
    {
        var county = await fx.As("county.huaining");
        (await county.PostFormAsync("/commissioners/new", new() { ["Kind"] = "DualChain", ["Name"] = "", ["Employer"] = "怀宁县科技局", ["Serves"] = "新材料产业链", ["Year"] = "2026" },
            "/commissioners/new")).StatusCode.Should().Be(HttpStatusCode.OK, "a missing name is shown on the form");
        await county.PostFormAsync("/commissioners/new", new() { ["Kind"] = "DualChain", ["Name"] = "周专员", ["Employer"] = "怀宁县科技局", ["Serves"] = "新材料产业链", ["Year"] = "2026" },
            "/commissioners/new");
        var c = await fx.WithDbAsync((db, _) => db.Commissioners.AsNoTracking().SingleAsync(x => x.Name == "周专员"));
        await county.PostFormAsync($"/commissioners/{c.Id}/logs", new() { ["kind"] = "NeedFound", ["enterpriseName"] = "华宁新材料", ["text"] = "发现加氢催化剂需求", ["on"] = "2026-11-20",
            ["version"] = c.Version.ToString() }, $"/commissioners/{c.Id}");
        var index = await (await fx.As("bureau")).GetPageAsync("/commissioners?year=2026");
        index.QuerySelector("#commissioner-counts")!.TextContent.Should().Contain("1 / 目标 30").And.Contain("服务记录 1 条");
        (await (await fx.As("county.qianshan")).GetAsync($"/commissioners/{c.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "another county's record");
        (await (await fx.As("ent.a")).GetAsync("/commissioners")).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        await county.PostFormAsync("/docking-events/new", new() { ["Title"] = "怀宁新材料对接会", ["HeldOn"] = "2026-11-20", ["Place"] = "怀宁县科创中心" }, "/docking-events/new");
        var e = await fx.WithDbAsync((db, _) => db.DockingEvents.AsNoTracking().SingleAsync(x => x.Title == "怀宁新材料对接会"));
        var need = await NeedAsync("高选择性加氢催化剂开发");
        await county.PostFormAsync($"/docking-events/{e.Id}/listings", new() { ["needIds"] = need.Id.ToString(), ["version"] = e.Version.ToString() }, $"/docking-events/{e.Id}");
        var v = await fx.WithDbAsync((db, _) => db.DockingEvents.Where(x => x.Id == e.Id).Select(x => x.Version).SingleAsync());
        await county.PostFormAsync($"/docking-events/{e.Id}/outcomes", new() { ["text"] = "现场签约2项", ["amount"] = "300", ["version"] = v.ToString() }, $"/docking-events/{e.Id}");
        var page = await fx.Anonymous().GetPageAsync($"/docking-events/{e.Id}");
        page.QuerySelector("#event-needs")!.TextContent.Should().Contain("高选择性加氢催化剂开发");
        page.QuerySelector("#outcomes")!.TextContent.Should().Contain("现场签约2项").And.Contain("300");
        (await (await fx.As("county.qianshan")).PostFormAsync($"/docking-events/{e.Id}/outcomes", new() { ["text"] = "x", ["version"] = v.ToString() }, $"/docking-events/{e.Id}"))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden, "only the organizer records outcomes");
    }

    /// <summary>Issue 20's lead unit: 市经信局 leads the 工业互联网服务专员 (at least 10 a year).</summary>
    [Fact]
    public async Task The_economy_bureau_registers_and_keeps_industrial_internet_commissioners_and_no_other_kind()
    {
        var jxj = await fx.As("dept.jxj");
        var form = await jxj.GetPageAsync("/commissioners/new");
        form.QuerySelectorAll("#Kind option").Select(o => o.GetAttribute("value")).Should().Equal(["IndustrialInternet"], "the form offers its kind only");
        (await jxj.PostFormAsync("/commissioners/new", new() { ["Kind"] = "IndustrialInternet", ["Name"] = "吴工联", ["Employer"] = "安庆市经济和信息化局",
            ["Serves"] = "工业互联网平台与企业上云", ["Year"] = "2026" }, "/commissioners/new")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var c = await fx.WithDbAsync((db, _) => db.Commissioners.AsNoTracking().SingleAsync(x => x.Name == "吴工联"));
        c.Kind.Should().Be(CommissionerKind.IndustrialInternet);

        (await jxj.PostFormAsync("/commissioners/new", new() { ["Kind"] = "DualChain", ["Name"] = "郑双链", ["Employer"] = "安庆市经济和信息化局",
            ["Serves"] = "新材料产业链", ["Year"] = "2026" }, "/commissioners/new")).StatusCode.Should().Be(HttpStatusCode.Forbidden, "another kind is not the economy bureau's");
        (await fx.WithDbAsync((db, _) => db.Commissioners.AnyAsync(x => x.Name == "郑双链"))).Should().BeFalse();

        // It keeps its commissioners' records and reads the city's list with the count against the plan's 10.
        (await jxj.PostFormAsync($"/commissioners/{c.Id}/assignments", new() { ["enterpriseName"] = "安庆工联智造有限公司", ["version"] = c.Version.ToString() },
            $"/commissioners/{c.Id}")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await fx.WithDbAsync((db, _) => db.Commissioners.AsNoTracking().SingleAsync(x => x.Id == c.Id))).Assignments.Should().ContainSingle();
        var county = await fx.As("county.huaining");
        await county.PostFormAsync("/commissioners/new", new() { ["Kind"] = "Special", ["Name"] = "冯特派", ["Employer"] = "怀宁县科技局", ["Serves"] = "茶叶种植企业",
            ["Year"] = "2026" }, "/commissioners/new");
        var special = await fx.WithDbAsync((db, _) => db.Commissioners.AsNoTracking().SingleAsync(x => x.Name == "冯特派"));
        var list = await jxj.GetPageAsync("/commissioners?year=2026");
        list.QuerySelector("#new-commissioner").Should().NotBeNull();
        list.Body!.TextContent.Should().Contain("吴工联").And.Contain("冯特派", "a municipal department reads the city's commissioners");
        (await jxj.PostFormAsync($"/commissioners/{special.Id}/logs", new() { ["kind"] = "Visit", ["enterpriseName"] = "x", ["text"] = "x", ["on"] = "2026-11-20",
            ["version"] = special.Version.ToString() }, $"/commissioners/{special.Id}")).StatusCode.Should().Be(HttpStatusCode.Forbidden, "a county's 科技特派员 is the county's");

        // Another municipal department reads, registers nothing.
        var zzb = await fx.As("dept.zzb");
        (await zzb.GetPageAsync("/commissioners?year=2026")).Body!.TextContent.Should().Contain("吴工联");
        (await zzb.GetAsync("/commissioners/new")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await zzb.PostFormAsync($"/commissioners/{c.Id}/logs", new() { ["kind"] = "Visit", ["enterpriseName"] = "x", ["text"] = "x", ["on"] = "2026-11-20",
            ["version"] = c.Version.ToString() }, $"/commissioners/{c.Id}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}
