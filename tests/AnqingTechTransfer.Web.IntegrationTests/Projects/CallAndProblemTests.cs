using System.Net;
using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.IntegrationTests.Projects;

public class CallAndProblemTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task The_bureau_publishes_a_call_with_a_programme_and_the_public_sees_it()
    {
        var bureau = await fx.As("bureau");
        (await bureau.PostFormAsync("/projects/calls/new", new() { ["Year"] = "2027", ["Title"] = "2027年度市科技计划项目申报指南" }, "/projects/calls/new"))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        var call = await fx.WithDbAsync((db, _) => db.ProjectCalls.AsNoTracking().SingleAsync(c => c.Year == 2027));

        var backwards = await bureau.PostFormAsync($"/projects/calls/{call.Id}/programmes", new()
        {
            ["Name"] = "新材料揭榜挂帅", ["Mode"] = "Unveiling", ["Budget"] = "1000", ["MaxAward"] = "200", ["OpensAt"] = "2027-03-01T08:00", ["ClosesAt"] = "2027-02-01T17:00",
            ["CapPerOrganization"] = "1", ["CapForEnterprises"] = "2",
        }, $"/projects/calls/{call.Id}");
        PortalClient.Parse(await backwards.Content.ReadAsStringAsync()).QuerySelector("#programme-form")!.TextContent.Should().Contain("截止时间应晚于开始时间");

        await bureau.PostFormAsync($"/projects/calls/{call.Id}/programmes", new()
        {
            ["Name"] = "新材料揭榜挂帅", ["Mode"] = "Unveiling", ["Budget"] = "1000", ["MaxAward"] = "200", ["OpensAt"] = "2027-03-01T08:00", ["ClosesAt"] = "2027-04-01T17:00",
            ["CapPerOrganization"] = "1", ["CapForEnterprises"] = "2", ["IsTackling"] = "true", ["RequiredAttachments"] = "申报书\n承诺书",
        }, $"/projects/calls/{call.Id}");
        var programme = await fx.WithDbAsync((db, _) => db.Programmes.AsNoTracking().SingleAsync(p => p.CallId == call.Id));
        programme.Terms.ClosesAt.Should().Be(new DateTimeOffset(2027, 4, 1, 9, 0, 0, TimeSpan.Zero), "17:00 Beijing time is 09:00 UTC");
        (await fx.Anonymous().GetPageAsync("/projects")).Body!.TextContent.Should().NotContain("新材料揭榜挂帅", "a draft call is not public");

        var version = await fx.WithDbAsync((db, _) => db.ProjectCalls.Where(c => c.Id == call.Id).Select(c => c.Version).SingleAsync());
        await bureau.PostFormAsync($"/projects/calls/{call.Id}/publish", new() { ["version"] = version.ToString() }, $"/projects/calls/{call.Id}");
        var page = await fx.Anonymous().GetPageAsync("/projects");
        page.QuerySelector(".programme-table")!.TextContent.Should().Contain("新材料揭榜挂帅").And.Contain("揭榜挂帅");
    }

    [Fact]
    public async Task An_enterprise_posts_a_problem_its_county_recommends_it_and_the_bureau_lists_it_publicly()
    {
        var programme = await fx.WithDbAsync(async (db, _) =>
        {
            var call = Call.Draft(2028, "榜单测试指南", DateTimeOffset.UtcNow);
            var p = call.AddProgramme(new ProgrammeTerms("榜单测试专项", FundingMode.Unveiling, 500m, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(30), 1, 2, true, [], null, 100m),
                DateTimeOffset.UtcNow);
            call.Publish(DateTimeOffset.UtcNow);
            db.ProjectCalls.Add(call);
            await db.SaveChangesAsync();
            return p.Id;
        });

        var ent = await fx.As("ent.a");
        var empty = await ent.PostFormAsync("/projects/problems/new", new() { ["Title"] = "", ["OwnFunds"] = "" }, "/projects/problems/new");
        PortalClient.Parse(await empty.Content.ReadAsStringAsync()).QuerySelector("[data-valmsg-for='Title']")!.TextContent.Should().Be("请填写题目");
        (await ent.PostFormAsync("/projects/problems/new", new()
        {
            ["Title"] = "高选择性加氢催化剂", ["Description"] = "现有催化剂选择性不足90%", ["Targets"] = "选择性≥95%，寿命≥2000小时", ["OwnFunds"] = "300",
            ["Deadline"] = DateTime.UtcNow.AddYears(1).ToString("yyyy-MM-dd"),
        }, "/projects/problems/new")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var problem = await fx.WithDbAsync((db, _) => db.Problems.AsNoTracking().SingleAsync(p => p.Title == "高选择性加氢催化剂"));
        (await fx.Anonymous().GetPageAsync("/projects")).QuerySelector("#unveiling-list")!.TextContent.Should().NotContain("高选择性加氢催化剂");

        // 潜山市 cannot screen 怀宁县's problem; 怀宁县 recommends it.
        (await (await fx.As("county.qianshan")).PostFormAsync($"/projects/problems/{problem.Id}/screen", new() { ["pass"] = "true", ["version"] = problem.Version.ToString() },
            "/projects/problems")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        await (await fx.As("county.huaining")).PostFormAsync($"/projects/problems/{problem.Id}/screen", new() { ["pass"] = "true", ["version"] = problem.Version.ToString() },
            "/projects/problems");
        var screened = await fx.WithDbAsync((db, _) => db.Problems.AsNoTracking().SingleAsync(p => p.Id == problem.Id));
        screened.Status.Should().Be(ProblemStatus.Screened);

        await (await fx.As("bureau")).PostFormAsync($"/projects/problems/{problem.Id}/list", new() { ["programmeId"] = programme.ToString(), ["version"] = screened.Version.ToString() },
            "/projects/problems");
        var page = await fx.Anonymous().GetPageAsync("/projects");
        page.QuerySelector("#unveiling-list")!.TextContent.Should().Contain("高选择性加氢催化剂").And.Contain("选择性≥95%");
    }
}

public class UnveilingTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task The_enterprise_that_posted_a_problem_sees_the_teams_that_applied_and_gives_its_opinion_and_no_other_enterprise_does()
    {
        var (programme, problem) = await fx.WithDbAsync(async (db, _) =>
        {
            var now = fx.Clock.GetUtcNow();
            var entA = await db.Organizations.SingleAsync(o => o.Name == "安庆华宁新材料科技有限公司");
            var call = Call.Draft(2027, "揭榜测试指南", now);
            var p = call.AddProgramme(new ProgrammeTerms("揭榜测试专项", FundingMode.Unveiling, 500m, now.AddDays(-1), now.AddDays(30), 1, 2, true, [], null, 100m), now);
            call.Publish(now);
            var problem = Problem.Propose(entA.Id, entA.Name, entA.RegionCode, "揭榜测试题目", "难题", "指标", 100m, DateOnly.FromDateTime(now.UtcDateTime).AddYears(1),
                DateOnly.FromDateTime(now.UtcDateTime), now);
            problem.Screen(true, null);
            problem.List(p);
            db.ProjectCalls.Add(call);
            db.Problems.Add(problem);
            await db.SaveChangesAsync();
            return (p.Id, problem.Id);
        });

        var university = await fx.As("univ.buct");
        var created = await university.PostFormAsync($"/projects/applications/new?programmeId={programme}&problemId={problem}", [], "/projects/applications");
        var url = created.Headers.Location!.OriginalString;
        var id = Guid.Parse(url.Split('/').Last());
        var entA = await fx.WithDbAsync((db, _) => db.Organizations.Where(o => o.Name == "安庆华宁新材料科技有限公司").Select(o => o.Id).SingleAsync());
        (await fx.WithDbAsync((db, _) => db.ProjectApplications.AsNoTracking().SingleAsync(a => a.Id == id))).PosterOrganizationId.Should().Be(entA);

        (await (await fx.As("ent.b")).GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.NotFound, "another enterprise does not see the team");
        var poster = await fx.As("ent.a");
        (await poster.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.OK, "the 发榜方 sees who applied to its problem");

        await fx.WithDbAsync(async (db, _) =>
        {
            var a = await db.ProjectApplications.SingleAsync(x => x.Id == id);
            a.Edit("揭榜方案", "方案", [new BudgetLine("设备费", 10, 50)], [new Milestone("中试", DateOnly.FromDateTime(DateTime.UtcNow).AddYears(1), "报告")], [],
                [new Domain.Experts.TeamMember("李工", "KEY-LI")]);
            a.Submit((await db.Programmes.SingleAsync(p => p.Id == programme)).Terms, fx.Clock.GetUtcNow());
            a.Recommend(true, null);
            await db.SaveChangesAsync();
        });
        await poster.PostFormAsync($"{url}/poster-opinion", new() { ["supports"] = "true", ["opinion"] = "团队中试经验丰富，支持揭榜" }, url);
        var recorded = await fx.WithDbAsync((db, _) => db.ProjectApplications.AsNoTracking().SingleAsync(a => a.Id == id));
        recorded.PosterSupports.Should().BeTrue();
        recorded.PosterOpinion.Should().Contain("支持揭榜");
        (await (await fx.As("ent.b")).PostFormAsync($"{url}/poster-opinion", new() { ["supports"] = "false", ["opinion"] = "x" }, "/projects/applications"))
            .StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
