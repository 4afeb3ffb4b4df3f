using System.Net;
using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.IntegrationTests.Projects;

/// <summary>Issue 23 §8: programme rows on /projects open the programme, with a 申报 button for those who may apply.</summary>
public class ProgrammePageTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    private Task<(Guid Published, Guid Draft)> ProgrammesAsync() => fx.WithDbAsync(async (db, _) =>
    {
        var now = fx.Clock.GetUtcNow();
        var call = Call.Draft(2027, "专项页面测试指南", now);
        var open = call.AddProgramme(new ProgrammeTerms("专项页面测试：研发众包", FundingMode.Crowdsourcing, 600m, now.AddDays(-2), now.AddDays(20), 1, 2, true, ["申报书", "查新报告"], null, 120m) { AcceptanceCriteria = "按任务要求完成验收" }, now);
        call.Publish(now);
        var draftCall = Call.Draft(2027, "专项页面测试：未发布指南", now);
        var hidden = draftCall.AddProgramme(new ProgrammeTerms("专项页面测试：未发布专项", FundingMode.PostSubsidy, 300m, now.AddDays(-2), now.AddDays(20), 1, 1, false, [], null, 100m) { SubsidyRate = 0.3m }, now);
        db.ProjectCalls.AddRange(call, draftCall);
        await db.SaveChangesAsync();
        return (open.Id, hidden.Id);
    });

    [Fact]
    public async Task Anyone_reads_a_published_programme_an_applicant_applies_from_it_and_a_draft_calls_programme_is_the_bureaus_only()
    {
        var (published, draft) = await ProgrammesAsync();
        var anonymous = fx.Anonymous();
        var home = await anonymous.GetPageAsync("/projects");
        home.QuerySelectorAll(".programme-table a").Select(a => a.GetAttribute("href")).Should().Contain($"/projects/programmes/{published}");

        var page = await anonymous.GetPageAsync($"/projects/programmes/{published}");
        page.QuerySelector("#programme-terms")!.TextContent.Should().Contain("600.00 万元").And.Contain("120.00 万元").And.Contain("申报书、查新报告").And.Contain("企业 2 项");
        page.QuerySelector("#programme-mode-rule")!.TextContent.Should().StartWith("研发众包");
        page.QuerySelector("#programme-window-state")!.TextContent.Should().Be("申报中");
        page.QuerySelector("#login-to-apply").Should().NotBeNull();
        page.QuerySelector("#apply-btn").Should().BeNull();

        var entA = await fx.As("ent.a");
        var mine = await entA.GetPageAsync($"/projects/programmes/{published}");
        mine.QuerySelector("#apply-btn").Should().NotBeNull();
        var started = await entA.PostFormAsync($"/projects/applications/new?programmeId={published}", [], $"/projects/programmes/{published}");
        started.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await fx.WithDbAsync((db, _) => db.ProjectApplications.CountAsync(a => a.ProgrammeId == published))).Should().Be(1);

        (await (await fx.As("county.huaining")).GetPageAsync($"/projects/programmes/{published}")).QuerySelector("#apply-btn").Should().BeNull("a county does not apply");
        (await anonymous.GetAsync($"/projects/programmes/{draft}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await entA.GetAsync($"/projects/programmes/{draft}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var bureauView = await (await fx.As("bureau")).GetPageAsync($"/projects/programmes/{draft}");
        bureauView.QuerySelector("#programme-window-state")!.TextContent.Should().Be("指南未发布");
        (await anonymous.GetAsync($"/projects/programmes/{Guid.NewGuid()}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task On_a_unveiling_programme_the_applicant_picks_a_listed_problem_and_the_poster_is_not_offered_its_own()
    {
        var (programme, problem) = await fx.WithDbAsync(async (db, _) =>
        {
            var now = fx.Clock.GetUtcNow();
            var entA = await db.Organizations.SingleAsync(o => o.Name == "安庆华宁新材料科技有限公司");
            var call = Call.Draft(2027, "专项页面揭榜测试指南", now);
            var p = call.AddProgramme(new ProgrammeTerms("专项页面揭榜测试专项", FundingMode.Unveiling, 500m, now.AddDays(-1), now.AddDays(30), 1, 2, true, [], null, 100m), now);
            call.Publish(now);
            var problem = Problem.Propose(entA.Id, entA.Name, entA.RegionCode, "专项页面揭榜测试题目", "难题", "指标", 100m, DateOnly.FromDateTime(now.UtcDateTime).AddYears(1),
                DateOnly.FromDateTime(now.UtcDateTime), now);
            problem.Screen(true, null);
            problem.List(p);
            db.ProjectCalls.Add(call);
            db.Problems.Add(problem);
            await db.SaveChangesAsync();
            return (p.Id, problem.Id);
        });

        var poster = await (await fx.As("ent.a")).GetPageAsync($"/projects/programmes/{programme}");
        poster.QuerySelector("#apply-btn").Should().BeNull("the 发榜方 does not apply for its own problem");
        poster.QuerySelector("#no-problem-to-take").Should().NotBeNull();

        var entB = await fx.As("ent.b");
        var page = await entB.GetPageAsync($"/projects/programmes/{programme}");
        page.QuerySelectorAll("#problemId option").Select(o => o.GetAttribute("value")).Should().Equal(problem.ToString());
        var started = await entB.PostFormAsync($"/projects/applications/new?programmeId={programme}", new() { ["problemId"] = problem.ToString() }, $"/projects/programmes/{programme}");
        started.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await fx.WithDbAsync((db, _) => db.ProjectApplications.Where(a => a.ProgrammeId == programme).Select(a => a.ProblemId).SingleAsync())).Should().Be(problem);
    }
}
