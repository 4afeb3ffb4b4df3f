using System.Net;
using AnqingTechTransfer.Web.Features.Help;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;

namespace AnqingTechTransfer.Web.IntegrationTests.Shared;

/// <summary>
/// Issue 25 §7: the user guide served at /help with a section per role and per module, its screenshots served too, and the
/// 帮助 link of each page opening its module's section. Issue 25 §6: lists with actions carry the labels their phone cards show,
/// and the contract list's filters fold behind 筛选.
/// </summary>
public class HelpAndPhoneLayoutTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Help_renders_the_guide_with_a_section_for_each_role_and_module_and_serves_its_screenshots()
    {
        var anonymous = fx.Anonymous();
        var page = await anonymous.GetPageAsync("/help");
        var guide = page.QuerySelector("#user-guide")!;
        guide.TextContent.Should().NotContain("本手册将陆续补充相应章节");
        foreach (var role in HelpSections.Roles)
        {
            var heading = guide.QuerySelector($"h2#{role.Anchor}");
            heading.Should().NotBeNull($"the guide has a section for {role.Heading}");
            heading!.TextContent.Trim().Should().Be(role.Heading);
            page.QuerySelector($".help-roles a[href='/help#{role.Anchor}']").Should().NotBeNull("the roles' shortcuts lead to each section");
        }

        foreach (var section in HelpSections.Others)
        {
            guide.QuerySelector($"[id='{section.Anchor}']").Should().NotBeNull($"the section 「{section.Heading}」 has its anchor");
        }

        // Every role's section says step by step what to do and shows at least one screenshot of the portal.
        var images = guide.QuerySelectorAll("img").Select(i => i.GetAttribute("src")!).ToList();
        images.Should().HaveCountGreaterThanOrEqualTo(HelpSections.Roles.Count).And.OnlyContain(src => src.StartsWith("/help/images/", StringComparison.Ordinal));
        foreach (var src in images.Distinct())
        {
            using var image = await anonymous.GetAsync(src);
            image.StatusCode.Should().Be(HttpStatusCode.OK, src);
            image.Content.Headers.ContentType!.MediaType.Should().Be("image/png");
        }

        // A name outside the guide's images is not a path into the server's files.
        (await anonymous.GetAsync("/help/images/..%2fuser-guide.md")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await anonymous.GetAsync("/help/images/not-there.png")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData(null, "/", "start")]
    [InlineData(null, "/needs", "module-market")]
    [InlineData("registrar.city", "/contracts", "module-contracts")]
    [InlineData("ent.a", "/contracts/new", "module-contracts")]
    [InlineData("leader.city", "/cockpit", "module-cockpit")]
    [InlineData("expert.a", "/reviews", "expert")]
    [InlineData("county.huaining", "/projects/problems", "module-projects")]
    [InlineData("bureau", "/finance", "module-finance")]
    public async Task The_help_link_of_a_page_opens_the_section_of_its_module(string? user, string url, string anchor)
    {
        var client = user is null ? fx.Anonymous() : await fx.As(user);
        var page = await client.GetPageAsync(url);
        page.QuerySelector("#help-link")!.GetAttribute("href").Should().Be($"/help#{anchor}");
        var guide = await fx.Anonymous().GetPageAsync("/help");
        guide.QuerySelector($"#user-guide [id='{anchor}']").Should().NotBeNull("the link's anchor is a section of the guide");
    }

    [Fact]
    public async Task The_contract_list_labels_each_cell_for_its_phone_card_and_folds_its_filters_behind_one_button()
    {
        var registrar = await fx.As("registrar.city");
        var page = await registrar.GetPageAsync("/contracts");
        var table = page.QuerySelector("#contract-table")!;
        table.ClassList.Should().Contain(TableCardsTagHelper.CssClass);
        var row = table.QuerySelectorAll("tbody tr").First();
        row.QuerySelectorAll("td").Select(td => td.GetAttribute("data-label"))
            .Should().Equal("项目名称", "类别", "卖方 / 买方", "成交额（万元）", "状态", "登记点", "签订日期", "办理时限");

        var filters = page.QuerySelector("form[role=search] details#contract-filters")!;
        filters.QuerySelector("summary")!.TextContent.Trim().Should().Be("筛选");
        filters.HasAttribute("open").Should().BeFalse("no filter is in use");
        foreach (var id in new[] { "status", "type", "field", "point", "region", "side", "origin", "from", "to", "minAmount", "maxAmount" })
        {
            filters.QuerySelector($"#{id}").Should().NotBeNull($"the filter {id} folds behind 筛选");
        }

        page.QuerySelector("form[role=search] #q")!.Closest("details").Should().BeNull("the search box stays in sight");

        var filtered = await registrar.GetPageAsync("/contracts?status=Registered&region=340822");
        filtered.QuerySelector("details#contract-filters")!.HasAttribute("open").Should().BeTrue("filters in use are shown");
        filtered.QuerySelector("details#contract-filters summary")!.TextContent.Should().Contain("已选 2 项");
    }

    [Fact]
    public async Task Lists_with_actions_are_phone_cards_and_the_commissioners_split_labels_its_number_boxes()
    {
        var county = await fx.As("county.huaining");
        (await county.GetPageAsync("/projects/problems")).QuerySelector("#problem-table")!.ClassList.Should().Contain(TableCardsTagHelper.CssClass);

        var bureau = await fx.As("bureau");
        var split = await bureau.GetPageAsync("/commissioners/targets");
        var table = split.QuerySelector("#targets-table")!;
        table.ClassList.Should().Contain(TableCardsTagHelper.CssClass);
        table.QuerySelectorAll("tbody td").Should().OnlyContain(td => !string.IsNullOrEmpty(td.GetAttribute("data-label")));

        var cockpit = await (await fx.As("leader.city")).GetPageAsync("/cockpit");
        var indicator = cockpit.QuerySelector("#indicator-table tbody tr")!;
        indicator.QuerySelector("td.actual")!.GetAttribute("data-label").Should().Be("本年实际");
        indicator.QuerySelector("td.target")!.GetAttribute("data-label").Should().Be("本年目标");
        indicator.QuerySelector("td.status")!.GetAttribute("data-label").Should().Be("状态");
    }

    [Fact]
    public void A_cell_takes_its_columns_heading_unless_it_spans_columns_has_a_label_or_its_heading_is_empty()
    {
        const string table = """
            <thead><tr><th scope="col">名称</th><th scope="col"><span class="visually-hidden">操作</span></th><th></th><th colspan="2">金额 &amp; 日期</th></tr></thead>
            <tbody><tr><th scope="row">甲</th><td><a>查看</a></td><td>x</td><td class="n">1</td><td data-label="自定">2</td></tr>
            <tr><td colspan="5">暂无</td></tr></tbody>
            """;
        var html = TableCardsTagHelper.Label(table);
        html.Should().Contain("<th data-label=\"名称\" scope=\"row\">甲</th>")
            .And.Contain("<td data-label=\"操作\"><a>查看</a></td>")
            .And.Contain("<td>x</td>")
            .And.Contain("<td data-label=\"金额 &amp; 日期\" class=\"n\">1</td>")
            .And.Contain("<td data-label=\"自定\">2</td>")
            .And.Contain("<td colspan=\"5\">暂无</td>");
        TableCardsTagHelper.Label("<thead><tr><th>操作</th></tr></thead><tbody><tr><td>\n   </td></tr></tbody>")
            .Should().Contain("<td data-label=\"操作\"></td>", "a cell of white space only is :empty, so its card shows no bare label");
    }
}
