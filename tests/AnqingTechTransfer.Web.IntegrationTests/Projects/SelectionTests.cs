using System.Net;
using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.IntegrationTests.Projects;

public class SelectionTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task A_reviewed_application_is_ranked_decided_publicised_objected_to_answered_and_awarded_after_the_window()
    {
        // An eligible 研发众包 application of ent.a.
        var id = await fx.WithDbAsync(async (db, _) =>
        {
            var now = fx.Clock.GetUtcNow();
            var entA = await db.Organizations.SingleAsync(o => o.Name == "安庆华宁新材料科技有限公司");
            var call = Call.Draft(2027, "立项测试指南", now);
            var programme = call.AddProgramme(new ProgrammeTerms("立项测试专项", FundingMode.Crowdsourcing, 300m, now.AddDays(-5), now.AddDays(5), 1, 2, true, [], null, 100m) { AcceptanceCriteria = "按任务要求完成验收" }, now);
            call.Publish(now);
            var a = ProjectApplication.Draft(programme, entA.Id, entA.Name, entA.CreditCode, entA.RegionCode, true, null, now);
            a.Edit("立项测试项目", "内容", [new BudgetLine("设备费", 50, 80)], [new Milestone("中试", DateOnly.FromDateTime(now.UtcDateTime).AddYears(1), "报告")], [], [new AnqingTechTransfer.Domain.Experts.TeamMember("张工", "KEY-ZHANG")]);
            a.Submit(programme.Terms, now);
            a.Recommend(true, null);
            a.RecordFormalCheck([]);
            db.ProjectCalls.Add(call);
            db.ProjectApplications.Add(a);
            await db.SaveChangesAsync();
            return a.Id;
        });

        var bureau = await fx.As("bureau");
        (await bureau.PostFormAsync($"/projects/applications/{id}/panel", [], $"/projects/applications/{id}")).Headers.Location!.OriginalString.Should().StartWith("/panels/");
        var application = await fx.WithDbAsync((db, _) => db.ProjectApplications.AsNoTracking().SingleAsync(a => a.Id == id));
        application.PanelId.Should().NotBeNull();

        await bureau.PostFormAsync($"/projects/applications/{id}/score", [], $"/projects/applications/{id}");
        (await bureau.GetPageAsync($"/projects/applications/{id}")).QuerySelector(".alert-danger")!.TextContent.Should().Contain("首席专家签署后");

        // The panel closes with a signed result (its own flow is tested with the expert pool).
        await PanelSteps.CloseAsync(fx, application.PanelId!.Value, [28, 27, 18, 17], "建议立项");
        await bureau.PostFormAsync($"/projects/applications/{id}/score", [], $"/projects/applications/{id}");
        var programmeId = application.ProgrammeId;
        var ranking = await bureau.GetPageAsync($"/projects/programmes/{programmeId}/ranking");
        ranking.QuerySelector("#ranking-table tbody tr")!.TextContent.Should().Contain("立项测试项目").And.Contain("90.00");

        var version = await fx.WithDbAsync((db, _) => db.ProjectApplications.Where(a => a.Id == id).Select(a => a.Version).SingleAsync());
        await bureau.PostFormAsync($"/projects/applications/{id}/decide", new() { ["approve"] = "true", ["amount"] = "80", ["version"] = version.ToString() },
            $"/projects/programmes/{programmeId}/ranking");
        var opened = await bureau.PostFormAsync($"/projects/programmes/{programmeId}/publicity", [], $"/projects/programmes/{programmeId}/ranking");
        var publicityUrl = opened.Headers.Location!.OriginalString;

        // Anyone may read the list and object during the window.
        var anonymous = fx.Anonymous();
        (await anonymous.GetPageAsync(publicityUrl)).QuerySelector("#publicity-table")!.TextContent.Should().Contain("立项测试项目").And.Contain("安庆华宁新材料科技有限公司");
        await anonymous.PostFormAsync(publicityUrl + "/objections", new() { ["from"] = "某研究院 张某 0556-0000000", ["text"] = "该单位团队成员同期承担其他项目" }, publicityUrl);
        var publicity = await fx.WithDbAsync((db, _) => db.Publicities.AsNoTracking().SingleAsync(p => p.ProgrammeId == programmeId));
        publicity.Objections.Should().ContainSingle();

        await bureau.PostFormAsync(publicityUrl + "/end", [], publicityUrl);
        (await fx.WithDbAsync((db, _) => db.Publicities.AsNoTracking().SingleAsync(p => p.Id == publicity.Id))).Status.Should().Be(PublicityStatus.Open, "the window has not passed");

        fx.Clock.Advance(TimeSpan.FromDays(publicity.EndsOn.DayNumber - DateOnly.FromDateTime(fx.Clock.GetUtcNow().UtcDateTime).DayNumber + 1));
        var later = await fx.SignInAsync("bureau");
        await later.PostFormAsync(publicityUrl + "/end", [], publicityUrl);
        (await fx.WithDbAsync((db, _) => db.Publicities.AsNoTracking().SingleAsync(p => p.Id == publicity.Id))).Status.Should().Be(PublicityStatus.Open,
            "an objection is still unanswered");
        await later.PostFormAsync($"{publicityUrl}/objections/{publicity.Objections[0].Id}/answer", new() { ["answer"] = "经核查，不影响本项目实施" }, publicityUrl);
        await later.PostFormAsync(publicityUrl + "/end", [], publicityUrl);
        (await fx.WithDbAsync((db, _) => db.ProjectApplications.AsNoTracking().SingleAsync(a => a.Id == id))).Status.Should().Be(ApplicationStatus.Awarded);
    }
}
