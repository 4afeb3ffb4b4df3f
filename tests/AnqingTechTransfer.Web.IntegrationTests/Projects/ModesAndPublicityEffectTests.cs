using System.Net;
using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.IntegrationTests.Projects;

/// <summary>
/// Issue 23 §1 and §5 through the portal's endpoints: a 揭榜挂帅 award takes its problem off the 榜单; the 发榜方 cannot apply
/// for its own problem and another unit cannot apply to a 定向委托 programme (both refused when the application is created);
/// an upheld publicity objection holds an application, the publicity cannot end while the hold is open, and a removed
/// application is not awarded, with the reason on the public list.
/// </summary>
public class ModesAndPublicityEffectTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    private const string Buct = "北京化工大学安庆研究院";
    private const string EntA = "安庆华宁新材料科技有限公司";

    private DateOnly Today() => DateOnly.FromDateTime(fx.Clock.GetUtcNow().UtcDateTime);

    /// <summary>An application brought to 拟立项 (approved) on a programme, the way the selection would.</summary>
    private ProjectApplication Approved(Programme programme, Domain.Organizations.Organization org, string title, Guid? problemId = null, Guid? poster = null)
    {
        var now = fx.Clock.GetUtcNow();
        var a = ProjectApplication.Draft(programme, org.Id, org.Name, org.CreditCode, org.RegionCode, org.Kind == Domain.Organizations.OrganizationKind.Enterprise, problemId, now,
            poster);
        a.Edit(title, "内容", [new BudgetLine("设备费", 50, 80)], [new Milestone("中试", Today().AddYears(1), "报告")], [], [new Domain.Experts.TeamMember("张工", "KEY-ZHANG")]);
        a.Submit(programme.Terms, now);
        a.Recommend(true, null);
        a.RecordFormalCheck([]);
        a.AssignPanel(Guid.NewGuid());
        a.RecordScore(86m);
        a.Decide(true, 80m, null, programme.Terms.Mode);
        return a;
    }

    private async Task<string> OpenPublicityAsync(Guid programmeId)
    {
        var opened = await (await fx.SignInAsync("bureau")).PostFormAsync($"/projects/programmes/{programmeId}/publicity", [], $"/projects/programmes/{programmeId}/ranking");
        opened.StatusCode.Should().Be(HttpStatusCode.Redirect);
        return opened.Headers.Location!.OriginalString;
    }

    private async Task<PortalClient> AfterTheWindowAsync(Guid programmeId)
    {
        var publicity = await fx.WithDbAsync((db, _) => db.Publicities.AsNoTracking().SingleAsync(p => p.ProgrammeId == programmeId));
        fx.Clock.Advance(TimeSpan.FromDays(publicity.EndsOn.DayNumber - Today().DayNumber + 1));
        return await fx.SignInAsync("bureau");
    }

    [Fact]
    public async Task An_unveiling_award_marks_its_problem_taken_and_it_leaves_the_open_list()
    {
        var (programmeId, problemId, applicationId) = await fx.WithDbAsync(async (db, _) =>
        {
            var now = fx.Clock.GetUtcNow();
            var buct = await db.Organizations.SingleAsync(o => o.Name == Buct);
            var entA = await db.Organizations.SingleAsync(o => o.Name == EntA);
            var call = Call.Draft(2027, "揭榜摘榜测试指南", now);
            var programme = call.AddProgramme(new ProgrammeTerms("揭榜摘榜测试专项", FundingMode.Unveiling, 500m, now.AddDays(-5), now.AddDays(5), 2, 2, true, [], null, 200m), now);
            call.Publish(now);
            var problem = Problem.Propose(entA.Id, entA.Name, entA.RegionCode, "摘榜测试题目", "难题", "选择性≥95%", 100m, Today().AddYears(1), Today(), now);
            problem.Screen(true, null);
            problem.List(programme);
            var application = Approved(programme, buct, "摘榜测试项目", problem.Id, entA.Id);
            db.ProjectCalls.Add(call);
            db.Problems.Add(problem);
            db.ProjectApplications.Add(application);
            await db.SaveChangesAsync();
            return (programme.Id, problem.Id, application.Id);
        });
        var url = await OpenPublicityAsync(programmeId);
        (await fx.Anonymous().GetPageAsync("/projects")).QuerySelector("#unveiling-list")!.TextContent.Should().Contain("摘榜测试题目", "it is still listed during the publicity");

        var bureau = await AfterTheWindowAsync(programmeId);
        await bureau.PostFormAsync($"{url}/end", [], url);
        (await fx.WithDbAsync((db, _) => db.ProjectApplications.AsNoTracking().SingleAsync(a => a.Id == applicationId))).Status.Should().Be(ApplicationStatus.Awarded);
        (await fx.WithDbAsync((db, _) => db.Problems.AsNoTracking().SingleAsync(p => p.Id == problemId))).Status.Should().Be(ProblemStatus.Taken);
        (await fx.Anonymous().GetPageAsync("/projects")).QuerySelector("#unveiling-list")!.TextContent.Should().NotContain("摘榜测试题目");
        (await fx.WithDbAsync((db, _) => AnqingTechTransfer.Web.Features.Projects.ListedProblems.Of(db).AnyAsync(p => p.Id == problemId))).Should().BeFalse();
    }

    [Fact]
    public async Task The_poster_cannot_apply_for_its_own_problem_and_another_unit_cannot_apply_to_a_directed_programme()
    {
        var (unveiling, problemId, directed) = await fx.WithDbAsync(async (db, _) =>
        {
            var now = fx.Clock.GetUtcNow();
            var buct = await db.Organizations.SingleAsync(o => o.Name == Buct);
            var entA = await db.Organizations.SingleAsync(o => o.Name == EntA);
            var call = Call.Draft(2027, "申报资格测试指南", now);
            var programme = call.AddProgramme(new ProgrammeTerms("自揭自榜测试专项", FundingMode.Unveiling, 500m, now.AddDays(-1), now.AddDays(20), 2, 2, true, [], null, 200m), now);
            var directedProgramme = call.AddProgramme(new ProgrammeTerms("定向资格测试专项", FundingMode.Directed, 500m, now.AddDays(-1), now.AddDays(20), 1, 1, true, [], buct.CreditCode,
                200m), now);
            call.Publish(now);
            var problem = Problem.Propose(entA.Id, entA.Name, entA.RegionCode, "自揭自榜测试题目", "难题", "指标", 100m, Today().AddYears(1), Today(), now);
            problem.Screen(true, null);
            problem.List(programme);
            db.ProjectCalls.Add(call);
            db.Problems.Add(problem);
            await db.SaveChangesAsync();
            return (programme.Id, problem.Id, directedProgramme.Id);
        });
        Task<int> CountAsync(Guid programmeId) => fx.WithDbAsync((db, _) => db.ProjectApplications.CountAsync(a => a.ProgrammeId == programmeId));

        // ent.a posted the problem: its own 榜单 problem is not offered, and a forged request is refused with the reason.
        var entA = await fx.SignInAsync("ent.a");
        var list = await entA.GetPageAsync("/projects/applications");
        list.QuerySelector($"#problem-{unveiling}")!.TextContent.Should().NotContain("自揭自榜测试题目");
        list.QuerySelector("#open-heading")!.ParentElement!.TextContent.Should().NotContain("定向资格测试专项", "a directed programme is offered only to its unit");
        var own = await entA.PostFormAsync($"/projects/applications/new?programmeId={unveiling}&problemId={problemId}", [], "/projects/applications");
        own.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await entA.GetPageAsync("/projects/applications")).QuerySelector(".alert-danger")!.TextContent.Should().Contain("发榜企业不能揭自己发布的榜");
        (await CountAsync(unveiling)).Should().Be(0);

        // Another unit than the directed one is refused when it starts the application, not only at the formal check.
        var other = await entA.PostFormAsync($"/projects/applications/new?programmeId={directed}", [], "/projects/applications");
        other.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await entA.GetPageAsync("/projects/applications")).QuerySelector(".alert-danger")!.TextContent.Should().Contain("定向委托专项只能由指定单位申报");
        (await CountAsync(directed)).Should().Be(0);

        // The directed unit starts its application, and another unit takes up the problem.
        var buct = await fx.SignInAsync("univ.buct");
        (await buct.GetPageAsync("/projects/applications")).QuerySelector($"#problem-{unveiling}")!.TextContent.Should().Contain("自揭自榜测试题目");
        (await buct.PostFormAsync($"/projects/applications/new?programmeId={directed}", [], "/projects/applications")).Headers.Location!.OriginalString
            .Should().StartWith("/projects/applications/");
        (await buct.PostFormAsync($"/projects/applications/new?programmeId={unveiling}&problemId={problemId}", [], "/projects/applications")).Headers.Location!.OriginalString
            .Should().StartWith("/projects/applications/");
        (await CountAsync(directed)).Should().Be(1);
        (await CountAsync(unveiling)).Should().Be(1);
    }

    [Fact]
    public async Task An_upheld_objection_holds_an_award_the_publicity_cannot_end_while_it_is_open_and_a_removed_application_is_not_awarded()
    {
        var (programmeId, held, kept) = await fx.WithDbAsync(async (db, _) =>
        {
            var now = fx.Clock.GetUtcNow();
            var buct = await db.Organizations.SingleAsync(o => o.Name == Buct);
            var entA = await db.Organizations.SingleAsync(o => o.Name == EntA);
            var call = Call.Draft(2027, "异议效力测试指南", now);
            var programme = call.AddProgramme(new ProgrammeTerms("异议效力测试专项", FundingMode.Crowdsourcing, 500m, now.AddDays(-5), now.AddDays(5), 2, 2, true, [], null, 200m) { AcceptanceCriteria = "按任务要求完成验收" }, now);
            call.Publish(now);
            var a = Approved(programme, entA, "异议暂缓测试项目");
            var b = Approved(programme, buct, "异议无涉测试项目");
            db.ProjectCalls.Add(call);
            db.ProjectApplications.AddRange(a, b);
            await db.SaveChangesAsync();
            return (programme.Id, a.Id, b.Id);
        });
        var url = await OpenPublicityAsync(programmeId);
        var anonymous = fx.Anonymous();
        await anonymous.PostFormAsync(url + "/objections", new() { ["from"] = "某研究院 张某 0556-0000000", ["text"] = "异议暂缓测试项目与该单位已立项项目内容重复" }, url);
        var objection = (await fx.WithDbAsync((db, _) => db.Publicities.AsNoTracking().SingleAsync(p => p.ProgrammeId == programmeId))).Objections.Single();

        // The bureau upholds it and holds the application.
        var bureau = await fx.SignInAsync("bureau");
        var page = await bureau.GetPageAsync(url);
        page.QuerySelector($"#effect-{objection.Id}")!.TextContent.Should().Contain("异议成立，暂缓立项");
        (await bureau.PostFormAsync($"{url}/objections/{objection.Id}/answer", new() { ["answer"] = "经初步核查，反映情况需进一步核实，暂缓立项", ["effect"] = "7", ["applicationId"] = held.ToString() }, url))
            .StatusCode.Should().Be(HttpStatusCode.Redirect, "an unknown effect is refused with a message, never a 500");
        (await bureau.PostFormAsync($"{url}/objections/{objection.Id}/answer", new() { ["answer"] = "经初步核查，反映情况需进一步核实，暂缓立项", ["effect"] = "Hold", ["applicationId"] = held.ToString() }, url))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        var publicity = await fx.WithDbAsync((db, _) => db.Publicities.AsNoTracking().SingleAsync(p => p.ProgrammeId == programmeId));
        publicity.StateOf(held).Should().Be(ListingState.Held);
        (await anonymous.GetPageAsync(url)).QuerySelector($"#listed-{held} .listing-state")!.TextContent.Should().Contain("暂缓立项").And.NotContain("理由",
            "the reason is public only after the decision");

        // The window passes: the publicity cannot end while the hold is open.
        bureau = await AfterTheWindowAsync(programmeId);
        await bureau.PostFormAsync($"{url}/end", [], url);
        (await bureau.GetPageAsync(url)).QuerySelector(".alert-danger")!.TextContent.Should().Contain("暂缓立项");
        (await fx.WithDbAsync((db, _) => db.Publicities.AsNoTracking().SingleAsync(p => p.Id == publicity.Id))).Status.Should().Be(PublicityStatus.Open);
        (await fx.WithDbAsync((db, _) => db.ProjectApplications.AsNoTracking().SingleAsync(a => a.Id == kept))).Status.Should().Be(ApplicationStatus.Approved,
            "nothing is awarded while the publicity is held open");

        // Removing needs a reason; then the application is removed, and the publicity ends awarding only the other one.
        await bureau.PostFormAsync($"{url}/applications/{held}/resolve", new() { ["reinstate"] = "false", ["reason"] = " " }, url);
        (await bureau.GetPageAsync(url)).QuerySelector(".alert-danger")!.TextContent.Should().Contain("撤销立项须说明理由");
        (await bureau.PostFormAsync($"{url}/applications/{held}/resolve", new() { ["reinstate"] = "false", ["reason"] = "经核查与已立项项目内容重复，撤销立项" }, url))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        var removed = await fx.WithDbAsync((db, _) => db.ProjectApplications.AsNoTracking().SingleAsync(a => a.Id == held));
        removed.Status.Should().Be(ApplicationStatus.NotApproved);
        removed.Remark.Should().Contain("公示异议成立");

        await bureau.PostFormAsync($"{url}/end", [], url);
        (await fx.WithDbAsync((db, _) => db.Publicities.AsNoTracking().SingleAsync(p => p.Id == publicity.Id))).Status.Should().Be(PublicityStatus.Ended);
        (await fx.WithDbAsync((db, _) => db.ProjectApplications.AsNoTracking().SingleAsync(a => a.Id == held))).Status.Should().Be(ApplicationStatus.NotApproved);
        (await fx.WithDbAsync((db, _) => db.ProjectApplications.AsNoTracking().SingleAsync(a => a.Id == kept))).Status.Should().Be(ApplicationStatus.Awarded);

        var list = await fx.Anonymous().GetPageAsync(url);
        list.QuerySelector($"#listed-{held} .listing-state")!.TextContent.Should().Contain("撤销立项").And.Contain("经核查与已立项项目内容重复，撤销立项");
        list.QuerySelector($"#listed-{kept} .listing-state")!.TextContent.Should().Contain("已立项");
    }

    [Fact]
    public async Task A_held_application_the_bureau_reinstates_is_awarded()
    {
        var (programmeId, id) = await fx.WithDbAsync(async (db, _) =>
        {
            var now = fx.Clock.GetUtcNow();
            var entA = await db.Organizations.SingleAsync(o => o.Name == EntA);
            var call = Call.Draft(2027, "异议恢复测试指南", now);
            var programme = call.AddProgramme(new ProgrammeTerms("异议恢复测试专项", FundingMode.Crowdsourcing, 500m, now.AddDays(-5), now.AddDays(5), 2, 2, true, [], null, 200m) { AcceptanceCriteria = "按任务要求完成验收" }, now);
            call.Publish(now);
            var a = Approved(programme, entA, "异议恢复测试项目");
            db.ProjectCalls.Add(call);
            db.ProjectApplications.Add(a);
            await db.SaveChangesAsync();
            return (programme.Id, a.Id);
        });
        var url = await OpenPublicityAsync(programmeId);
        await fx.Anonymous().PostFormAsync(url + "/objections", new() { ["from"] = "李某 13800000000", ["text"] = "团队负责人同期承担其他项目" }, url);
        var objection = (await fx.WithDbAsync((db, _) => db.Publicities.AsNoTracking().SingleAsync(p => p.ProgrammeId == programmeId))).Objections.Single();
        var bureau = await fx.SignInAsync("bureau");
        await bureau.PostFormAsync($"{url}/objections/{objection.Id}/answer", new() { ["answer"] = "暂缓立项，核查中", ["effect"] = "Hold", ["applicationId"] = id.ToString() }, url);
        await bureau.PostFormAsync($"{url}/applications/{id}/resolve", new() { ["reinstate"] = "true", ["reason"] = "经核查，负责人同期项目已结题，恢复立项" }, url);
        (await fx.Anonymous().GetPageAsync(url)).QuerySelector($"#listed-{id} .listing-state")!.TextContent.Should().Contain("经核查恢复立项").And.Contain("已结题");

        bureau = await AfterTheWindowAsync(programmeId);
        await bureau.PostFormAsync($"{url}/end", [], url);
        (await fx.WithDbAsync((db, _) => db.ProjectApplications.AsNoTracking().SingleAsync(a => a.Id == id))).Status.Should().Be(ApplicationStatus.Awarded);
    }
}
