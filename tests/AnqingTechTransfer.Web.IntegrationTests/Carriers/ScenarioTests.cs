using System.Net;
using AnqingTechTransfer.Domain.Carriers;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.IntegrationTests.Carriers;

/// <summary>应用场景 as the plan means it: 挖掘 (draft), review by the region's county or park, publication, matching, interest and 对接.</summary>
public class ScenarioTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    private string Deadline(int days = 30) => DateOnly.FromDateTime(fx.Clock.GetUtcNow().UtcDateTime).AddDays(days).ToString("yyyy-MM-dd");

    private Dictionary<string, string> Form(string title, string field = "05", string keywords = "中药、提取", string? region = null)
    {
        var form = new Dictionary<string, string>
        {
            ["Title"] = title, ["Place"] = "园区", ["Problem"] = "需要解决的问题", ["FieldCode"] = field, ["Keywords"] = keywords, ["Deadline"] = Deadline(),
        };
        if (region is not null)
        {
            form["RegionCode"] = region;
        }

        return form;
    }

    private Task<Scenario> ReadAsync(string title) => fx.WithDbAsync((db, _) => db.Scenarios.AsNoTracking().SingleAsync(s => s.Title == title));

    private async Task<HttpStatusCode> StepAsync(string user, Scenario s, string step, Dictionary<string, string>? more = null)
    {
        var fields = new Dictionary<string, string>(more ?? []) { ["version"] = s.Version.ToString() };
        return (await (await fx.As(user)).PostFormAsync($"/scenarios/{s.Id}/{step}", fields)).StatusCode;
    }

    [Fact]
    public async Task An_enterprises_scenario_is_never_public_before_its_county_approves_it_and_a_returned_one_shows_the_reason_to_its_author()
    {
        var ent = await fx.As("ent.a");
        (await ent.PostFormAsync("/scenarios/new", Form("企业场景：中试车间智能化"), "/scenarios/new")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var s = await ReadAsync("企业场景：中试车间智能化");
        s.Status.Should().Be(ScenarioStatus.Draft);
        s.RegionCode.Should().Be("340822", "an enterprise records in its own region");
        (await fx.Anonymous().GetAsync($"/scenarios/{s.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await (await fx.As("ent.b")).GetAsync($"/scenarios/{s.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await (await fx.As("county.qianshan")).GetAsync($"/scenarios/{s.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "another county's");
        (await fx.Anonymous().GetPageAsync("/scenarios")).QuerySelector("#scenario-table")!.TextContent.Should().NotContain("企业场景：中试车间智能化");

        (await StepAsync("ent.a", s, "submit")).Should().Be(HttpStatusCode.Redirect);
        s = await ReadAsync(s.Title);
        s.Status.Should().Be(ScenarioStatus.Pending);
        (await StepAsync("county.qianshan", s, "approve")).Should().Be(HttpStatusCode.NotFound, "out of its region");
        (await StepAsync("park.gxq", s, "approve")).Should().Be(HttpStatusCode.NotFound);
        (await StepAsync("ent.b", s, "approve")).Should().Be(HttpStatusCode.NotFound);
        (await StepAsync("ent.a", s, "approve")).Should().Be(HttpStatusCode.Forbidden, "the author does not review");
        (await StepAsync("bureau", s, "approve")).Should().Be(HttpStatusCode.Forbidden, "the county or park reviews");
        (await ReadAsync(s.Title)).Status.Should().Be(ScenarioStatus.Pending);
        (await fx.Anonymous().GetAsync($"/scenarios/{s.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "pending is not public");

        var county = await fx.As("county.huaining");
        (await county.GetPageAsync("/scenarios/manage")).QuerySelector("#manage-table")!.TextContent.Should().Contain("企业场景：中试车间智能化");
        (await county.GetPageAsync($"/scenarios/{s.Id}")).QuerySelector("#review-panel").Should().NotBeNull();
        await StepAsync("county.huaining", s, "return", new() { ["reason"] = " " });
        (await ReadAsync(s.Title)).Status.Should().Be(ScenarioStatus.Pending, "a return needs its reason");
        (await StepAsync("county.huaining", s, "return", new() { ["reason"] = "请写明车间面积和现有设备" })).Should().Be(HttpStatusCode.Redirect);
        s = await ReadAsync(s.Title);
        s.Status.Should().Be(ScenarioStatus.Returned);
        (await ent.GetPageAsync($"/scenarios/{s.Id}")).QuerySelector("#return-reason")!.TextContent.Should().Contain("请写明车间面积和现有设备");

        var edited = Form("企业场景：中试车间智能化");
        edited["Problem"] = "车间约800平方米，现有DCS系统";
        edited["Version"] = s.Version.ToString();
        (await ent.PostFormAsync($"/scenarios/{s.Id}/edit", edited, $"/scenarios/{s.Id}/edit")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        s = await ReadAsync(s.Title);
        s.Problem.Should().Be("车间约800平方米，现有DCS系统");
        await StepAsync("ent.a", s, "submit");
        s = await ReadAsync(s.Title);
        (await StepAsync("county.huaining", s, "approve")).Should().Be(HttpStatusCode.Redirect);
        s = await ReadAsync(s.Title);
        s.Status.Should().Be(ScenarioStatus.Open);
        s.ReviewerName.Should().Be("怀宁县人民政府");
        (await fx.Anonymous().GetPageAsync($"/scenarios/{s.Id}")).QuerySelector("#scenario-status")!.TextContent.Should().Be("征集中");
        (await fx.Anonymous().GetPageAsync("/scenarios")).QuerySelector("#scenario-table")!.TextContent.Should().Contain("企业场景：中试车间智能化");
    }

    [Fact]
    public async Task The_scenario_centre_records_for_any_county_or_park_and_that_regions_county_reviews_it()
    {
        var center = await fx.As("scene.center");
        var page = await center.GetPageAsync("/scenarios/new");
        page.QuerySelector("select[name=RegionCode]").Should().NotBeNull("the centre chooses the region");
        var missing = await center.PostFormAsync("/scenarios/new", Form("中心场景：茶园监测", "01", "图像识别"), "/scenarios/new");
        missing.StatusCode.Should().Be(HttpStatusCode.OK);
        PortalClient.Parse(await missing.Content.ReadAsStringAsync()).QuerySelector("[data-valmsg-for=RegionCode]")!.TextContent.Should().Contain("请选择场景所在");
        (await center.PostFormAsync("/scenarios/new", Form("中心场景：茶园监测", "01", "图像识别", "340882"), "/scenarios/new")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var s = await ReadAsync("中心场景：茶园监测");
        s.RegionCode.Should().Be("340882");
        await StepAsync("scene.center", s, "submit");
        s = await ReadAsync(s.Title);
        (await StepAsync("county.huaining", s, "approve")).Should().Be(HttpStatusCode.NotFound);
        (await StepAsync("scene.center", s, "approve")).Should().Be(HttpStatusCode.Forbidden, "the centre prepares, the county reviews");
        (await center.GetPageAsync("/scenarios/manage")).QuerySelector("#manage-table")!.TextContent.Should().Contain("新材料中试车间数字孪生", "the centre sees every region's pending scenarios to curate (the demo one of 怀宁县)")
            .And.Contain("中心场景：茶园监测");
        (await StepAsync("county.qianshan", s, "approve")).Should().Be(HttpStatusCode.Redirect);
        (await ReadAsync(s.Title)).Status.Should().Be(ScenarioStatus.Open);
        (await (await fx.As("agency.a")).GetAsync("/scenarios/new")).StatusCode.Should().Be(HttpStatusCode.Forbidden, "an ordinary agency does not record scenarios");
    }

    [Fact]
    public async Task Bad_input_comes_back_next_to_the_field_never_a_500()
    {
        var park = await fx.As("park.jkq");
        var form = Form("坏输入场景", keywords: "一,二,三,四,五,六,七,八,九");
        form["Deadline"] = "not-a-date";
        var answer = await park.PostFormAsync("/scenarios/new", form, "/scenarios/new");
        answer.StatusCode.Should().Be(HttpStatusCode.OK);
        form["Deadline"] = Deadline();
        answer = await park.PostFormAsync("/scenarios/new", form, "/scenarios/new");
        answer.StatusCode.Should().Be(HttpStatusCode.OK);
        PortalClient.Parse(await answer.Content.ReadAsStringAsync()).QuerySelector("[data-valmsg-for=Keywords]")!.TextContent.Should().Contain("关键词至多");
        form["Keywords"] = "中药";
        form["FieldCode"] = "zz";
        answer = await park.PostFormAsync("/scenarios/new", form, "/scenarios/new");
        PortalClient.Parse(await answer.Content.ReadAsStringAsync()).QuerySelector("[data-valmsg-for=FieldCode]")!.TextContent.Should().Contain("请选择技术领域");
        (await fx.WithDbAsync((db, _) => db.Scenarios.CountAsync(s => s.Title == "坏输入场景"))).Should().Be(0);
    }

    [Fact]
    public async Task A_published_scenario_shows_matched_results_and_needs_with_reasons_the_university_sees_it_on_its_result_and_the_author_accepts_its_interest()
    {
        var park = await fx.As("park.jkq");
        await park.PostFormAsync("/scenarios/new", Form("园区场景：中药连续提取首试"), "/scenarios/new");
        var s = await ReadAsync("园区场景：中药连续提取首试");
        await StepAsync("park.jkq", s, "submit");
        s = await ReadAsync(s.Title);
        await StepAsync("park.jkq", s, "approve");
        s = await ReadAsync(s.Title);
        s.Status.Should().Be(ScenarioStatus.Open, "a park reviews and publishes its own region's scenario");

        var page = await fx.Anonymous().GetPageAsync($"/scenarios/{s.Id}");
        var results = page.QuerySelector("#matched-results")!.TextContent;
        results.Should().Contain("中药有效成分连续逆流提取装置").And.Contain("同一技术领域").And.Contain("共同关键词：中药、提取");
        results.Should().NotContain("绿色催化材料制备技术");
        page.QuerySelector("#matched-needs")!.TextContent.Should().Contain("中药提取物连续化生产工艺");

        var result = await fx.WithDbAsync((db, _) => db.TechResults.AsNoTracking().SingleAsync(r => r.Title == "中药有效成分连续逆流提取装置"));
        var aqnu = await fx.As("univ.aqnu");
        (await aqnu.GetPageAsync($"/results/{result.Id}")).QuerySelector("#scenario-matches")!.TextContent.Should().Contain("场景与您的成果匹配").And.Contain("园区场景：中药连续提取首试");
        var other = await fx.WithDbAsync((db, _) => db.TechResults.AsNoTracking().SingleAsync(r => r.Title == "绿色催化材料制备技术"));
        (await (await fx.As("univ.buct")).GetPageAsync($"/results/{other.Id}")).QuerySelector("#scenario-matches")?.TextContent.Should().NotContain("园区场景：中药连续提取首试");
        (await fx.Anonymous().GetPageAsync($"/results/{result.Id}")).QuerySelector("#scenario-matches").Should().BeNull("shown to the result's owner");

        (await aqnu.GetPageAsync($"/scenarios/{s.Id}")).QuerySelector("#interest-form select[name=resultId]").Should().NotBeNull();
        (await StepAsync("univ.aqnu", s, "interest", new() { ["text"] = "连续逆流提取装置可现场试用", ["resultId"] = result.Id.ToString() })).Should().Be(HttpStatusCode.Redirect);
        s = await ReadAsync(s.Title);
        var interest = s.Interests.Single();
        interest.ResultId.Should().Be(result.Id);
        var aqnuOrg = interest.OrganizationId;
        (await StepAsync("ent.b", s, "accept", new() { ["organizationId"] = aqnuOrg.ToString() })).Should().Be(HttpStatusCode.Forbidden);
        (await StepAsync("univ.aqnu", s, "accept", new() { ["organizationId"] = aqnuOrg.ToString() })).Should().Be(HttpStatusCode.Forbidden);
        (await StepAsync("park.jkq", s, "accept", new() { ["organizationId"] = aqnuOrg.ToString() })).Should().Be(HttpStatusCode.Redirect);
        (await ReadAsync(s.Title)).Interests.Single().IsAccepted.Should().BeTrue();
        (await aqnu.GetPageAsync($"/scenarios/{s.Id}")).QuerySelector("#own-interest")!.TextContent.Should().Contain("已确认对接");
        (await park.GetPageAsync($"/scenarios/{s.Id}")).QuerySelector("#interests")!.TextContent.Should().Contain("已对接");
    }

    [Fact]
    public async Task The_status_follows_the_deadline_when_it_is_read_and_interest_stops()
    {
        var park = await fx.As("park.gxq");
        await park.PostFormAsync("/scenarios/new", Form("到期场景：园区巡检", "06", "巡检"), "/scenarios/new");
        var s = await ReadAsync("到期场景：园区巡检");
        await StepAsync("park.gxq", s, "submit");
        s = await ReadAsync(s.Title);
        await StepAsync("park.gxq", s, "approve");
        var yesterday = DateOnly.FromDateTime(fx.Clock.GetUtcNow().UtcDateTime).AddDays(-1);
        await fx.WithDbAsync(async (db, _) => await db.Scenarios.Where(x => x.Id == s.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.Deadline, yesterday)));
        (await fx.Anonymous().GetPageAsync($"/scenarios/{s.Id}")).QuerySelector("#scenario-status")!.TextContent.Should().Be("征集结束");
        (await fx.Anonymous().GetPageAsync("/scenarios?phase=CollectionEnded")).QuerySelector("#scenario-table")!.TextContent.Should().Contain("到期场景：园区巡检");
        (await fx.Anonymous().GetPageAsync("/scenarios?phase=Collecting")).QuerySelector("#scenario-table")!.TextContent.Should().NotContain("到期场景：园区巡检");
        s = await ReadAsync(s.Title);
        s.Status.Should().Be(ScenarioStatus.Open, "the phase is computed, not stored");
        (await (await fx.As("univ.aqnu")).GetPageAsync($"/scenarios/{s.Id}")).QuerySelector("#interest-form").Should().BeNull();
        await StepAsync("univ.aqnu", s, "interest", new() { ["text"] = "晚到" });
        (await ReadAsync(s.Title)).Interests.Should().BeEmpty();
    }
}
