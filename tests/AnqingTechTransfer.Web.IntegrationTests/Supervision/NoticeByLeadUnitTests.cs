using System.Net;
using AnqingTechTransfer.Domain.Notices;
using AnqingTechTransfer.Domain.Supervision;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.IntegrationTests.Supervision;

/// <summary>Issue 24 §6: every lead unit publishes notices on its own measures; the list is searched and filtered.</summary>
public class NoticeByLeadUnitTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    private Task<Guid> OrganizationOfAsync(string user) =>
        fx.WithDbAsync((db, _) => db.Users.AsNoTracking().Where(u => u.UserName == user).Select(u => u.OrganizationId).SingleAsync());

    private static Dictionary<string, string> Form(string title, string body, Guid? measure, string kind = "Notice") => new()
    {
        ["Kind"] = kind, ["Title"] = title, ["Body"] = body, ["MeasureId"] = measure?.ToString() ?? string.Empty, ["WorkingDays"] = "5",
    };

    [Fact]
    public async Task A_lead_unit_publishes_on_its_own_measures_only_and_others_are_refused()
    {
        var jxj = await OrganizationOfAsync("dept.jxj");
        var measures = await fx.WithDbAsync((db, _) => db.PlanMeasures.AsNoTracking().Where(m => !m.PeriodClosed).OrderBy(m => m.Number).ToListAsync());
        var own = measures.Where(m => m.LeadOrganizationIds.Contains(jxj)).ToList();
        own.Should().NotBeEmpty("市经信局 leads measures of the plan");
        var other = measures.First(m => !m.LeadOrganizationIds.Contains(jxj) && m.LeadOrganizationIds.Count > 0);
        var dept = await fx.As("dept.jxj");

        var page = await dept.GetPageAsync("/notices/new");
        page.QuerySelectorAll("#MeasureId option").Select(o => o.GetAttribute("value")).Where(v => v!.Length > 0).Should()
            .BeEquivalentTo(own.Select(m => m.Id.ToString()), "a lead unit is offered its own measures only");
        page.QuerySelector("#Kind").Should().BeNull("publicity is the bureau's");

        var count = await fx.WithDbAsync((db, _) => db.Notices.CountAsync());
        (await dept.PostFormAsync("/notices/new", Form("越权通知", "正文", other.Id), "/notices/new")).StatusCode
            .Should().Be(HttpStatusCode.Forbidden, "another unit's measure is refused");
        var missing = await dept.PostFormAsync("/notices/new", Form("未选任务的通知", "正文", null), "/notices/new");
        missing.StatusCode.Should().Be(HttpStatusCode.OK);
        PortalClient.Parse(await missing.Content.ReadAsStringAsync()).QuerySelector("[data-valmsg-for=MeasureId]")!.TextContent.Should().Contain("请选择本单位牵头的任务");
        (await fx.WithDbAsync((db, _) => db.Notices.CountAsync())).Should().Be(count);

        var ent = await fx.As("ent.a");
        (await ent.GetAsync("/notices/new")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await ent.PostFormAsync("/notices/new", Form("企业通知", "正文", own[0].Id), "/notices")).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        (await dept.PostFormAsync("/notices/new", Form("关于开展首台套产品推广应用的通知", "请各企业于月底前报送首台套产品清单。", own[0].Id, "Publicity"), "/notices/new"))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        var notice = await fx.WithDbAsync((db, _) => db.Notices.AsNoTracking().SingleAsync(n => n.Title == "关于开展首台套产品推广应用的通知"));
        notice.Kind.Should().Be(NoticeKind.Notice, "a lead unit publishes 通知公告, not 公示");
        notice.MeasureId.Should().Be(own[0].Id);
        notice.MeasureLabel.Should().Be(NoticeLabels.Measure(own[0].Number, own[0].Title));
        notice.PublishedByOrganizationId.Should().Be(jxj);
        notice.PublisherName.Should().Be("安庆市经济和信息化局");
        var details = await fx.Anonymous().GetPageAsync($"/notices/{notice.Id}");
        details.QuerySelector("#notice-publisher")!.TextContent.Should().Be("安庆市经济和信息化局");
        details.QuerySelector("#notice-measure")!.TextContent.Should().Contain($"任务{own[0].Number}");

        // A county leads by region: it publishes on a measure its region leads, and is refused on one led by a department alone.
        var county = await fx.As("county.huaining");
        var regional = measures.First(m => m.LeadRegionCodes.Contains("340822"));
        (await county.PostFormAsync("/notices/new", Form("怀宁县成果转化工作通知", "正文", regional.Id), "/notices/new")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await county.PostFormAsync("/notices/new", Form("怀宁县越权通知", "正文", own.First(m => !m.LeadRegionCodes.Contains("340822")).Id), "/notices/new"))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);

        // The publisher withdraws its own notice; not the bureau's.
        var bureauOrganization = await OrganizationOfAsync("bureau");
        var bureauNotice = await fx.WithDbAsync((db, _) => db.Notices.AsNoTracking().FirstAsync(n => n.PublishedByOrganizationId == bureauOrganization));
        (await dept.PostFormAsync($"/notices/{bureauNotice.Id}/withdraw", new() { ["version"] = bureauNotice.Version.ToString(), ["reason"] = "x" }, "/notices"))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await dept.PostFormAsync($"/notices/{notice.Id}/withdraw", new() { ["version"] = notice.Version.ToString(), ["reason"] = "内容有误" }, $"/notices/{notice.Id}"))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await fx.WithDbAsync((db, _) => db.Notices.AsNoTracking().SingleAsync(n => n.Id == notice.Id))).IsWithdrawn.Should().BeTrue();
    }

    [Fact]
    public async Task The_list_is_searched_by_title_and_body_and_filtered_by_publisher_measure_and_year()
    {
        var jxj = await OrganizationOfAsync("dept.jxj");
        var measure = (await fx.WithDbAsync((db, _) => db.PlanMeasures.AsNoTracking().Where(m => !m.PeriodClosed).OrderBy(m => m.Number).ToListAsync()))
            .First(m => m.LeadOrganizationIds.Contains(jxj));
        var dept = await fx.As("dept.jxj");
        await dept.PostFormAsync("/notices/new", Form("检索测试：工业互联网专员培训", "培训地点在安庆职业技术学院报告厅。", measure.Id), "/notices/new");
        await (await fx.As("bureau")).PostFormAsync("/notices/new", Form("检索测试：科技局通知", "请各单位注意报告厅的使用安排。", null), "/notices/new");
        var visitor = fx.Anonymous();
        List<string> Titles(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelectorAll("#notice-list .notice-item a").Select(a => a.TextContent.Trim()).ToList();

        Titles(await visitor.GetPageAsync("/notices?q=" + Uri.EscapeDataString("专员培训"))).Should().Equal("检索测试：工业互联网专员培训");
        Titles(await visitor.GetPageAsync("/notices?q=" + Uri.EscapeDataString("报告厅"))).Should().BeEquivalentTo(["检索测试：工业互联网专员培训", "检索测试：科技局通知"],
            "the body is searched too");
        Titles(await visitor.GetPageAsync("/notices?q=" + Uri.EscapeDataString("100%_"))).Should().BeEmpty("wildcards are taken literally");
        Titles(await visitor.GetPageAsync($"/notices?q={Uri.EscapeDataString("检索测试")}&publisher={jxj}")).Should().Equal("检索测试：工业互联网专员培训");
        var byMeasure = await visitor.GetPageAsync($"/notices?measure={measure.Id}");
        Titles(byMeasure).Should().Contain("检索测试：工业互联网专员培训").And.NotContain("检索测试：科技局通知");
        byMeasure.QuerySelectorAll("#measure option").Select(o => o.TextContent).Should().Contain(NoticeLabels.Measure(measure.Number, measure.Title));
        byMeasure.QuerySelectorAll("#publisher option").Select(o => o.TextContent).Should().Contain("安庆市经济和信息化局");

        var year = fx.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).Year;
        Titles(await visitor.GetPageAsync($"/notices?q={Uri.EscapeDataString("检索测试")}&year={year}")).Should().HaveCount(2);
        Titles(await visitor.GetPageAsync($"/notices?q={Uri.EscapeDataString("检索测试")}&year={year - 1}")).Should().BeEmpty();
        (await visitor.GetAsync("/notices?year=abc&publisher=xyz")).StatusCode.Should().Be(HttpStatusCode.OK, "bad filters never answer 500");
    }
}
