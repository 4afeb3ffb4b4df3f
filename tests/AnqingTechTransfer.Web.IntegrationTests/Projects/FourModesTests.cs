using System.Globalization;
using System.Net;
using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.IntegrationTests.Projects;

/// <summary>
/// Each funding mode from the call to the accepted project, through the portal's own endpoints: the applicant drafts and
/// submits, its county or park recommends, the bureau checks, an expert panel reviews (定向委托: appraises), the bureau
/// decides, the publicity runs its working days, the task contract is signed, money flows by the mode's rule, and an
/// acceptance panel from the expert pool scores the results before the conclusion.
/// </summary>
public class FourModesTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    private const string Buct = "北京化工大学安庆研究院";
    private const string EntA = "安庆华宁新材料科技有限公司";

    [Theory]
    [InlineData(FundingMode.Unveiling, "univ.buct", "park.gxq")]
    [InlineData(FundingMode.Directed, "univ.buct", "park.gxq")]
    [InlineData(FundingMode.Crowdsourcing, "ent.a", "county.huaining")]
    // 竞争后补助 has its own journey (no task contract, one payment, no acceptance): PostSubsidyAndCrowdsourcingTests.
    public async Task A_project_of_each_mode_goes_from_the_call_to_acceptance(FundingMode mode, string applicant, string recommender)
    {
        var name = $"全流程{mode}专项";
        var (programmeId, problemId) = await fx.WithDbAsync(async (db, _) =>
        {
            var now = fx.Clock.GetUtcNow();
            var buct = await db.Organizations.SingleAsync(o => o.Name == Buct);
            var entA = await db.Organizations.SingleAsync(o => o.Name == EntA);
            var call = Call.Draft(2027, name + "指南", now);
            var programme = call.AddProgramme(new ProgrammeTerms(name, mode, 500m, now.AddDays(-1), now.AddDays(20), 2, 2, true, [],
                mode == FundingMode.Directed ? buct.CreditCode : null, 200m) { AcceptanceCriteria = mode == FundingMode.Crowdsourcing ? "通过中试验证" : null }, now);
            call.Publish(now);
            db.ProjectCalls.Add(call);
            Guid? problem = null;
            if (mode == FundingMode.Unveiling)
            {
                var p = Problem.Propose(entA.Id, entA.Name, entA.RegionCode, name + "题目", "难题", "选择性≥95%", 100m, DateOnly.FromDateTime(now.UtcDateTime).AddYears(1),
                    DateOnly.FromDateTime(now.UtcDateTime), now);
                p.Screen(true, null);
                p.List(programme);
                db.Problems.Add(p);
                problem = p.Id;
            }

            await db.SaveChangesAsync();
            return (programme.Id, problem);
        });

        // The applicant drafts, fills and submits the form.
        var team = await fx.SignInAsync(applicant);
        var created = await team.PostFormAsync($"/projects/applications/new?programmeId={programmeId}{(problemId is { } pid ? $"&problemId={pid}" : "")}", [], "/projects/applications");
        created.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var url = created.Headers.Location!.OriginalString;
        var id = Guid.Parse(url.Split('/').Last());
        (await team.PostFormAsync(url, ApplicationRows.Expand(new()
        {
            ["Title"] = name + "项目", ["Summary"] = "研制并完成中试", ["Budget"] = "设备费,100,80\n材料费,40,40", ["Milestones"] = "完成中试,2027-12-31,中试报告",
            ["Team"] = "张工," + Domain.Experts.PersonalIds.CompleteIdNumber("34080219800101123"), ["Version"] = (await VersionAsync(id)).ToString(),
        }), url)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        await team.PostFormAsync($"{url}/submit", new() { ["version"] = (await VersionAsync(id)).ToString() }, url);
        (await LoadAsync(id)).Status.Should().Be(ApplicationStatus.Submitted);

        await (await fx.SignInAsync(recommender)).PostFormAsync($"{url}/recommend", new() { ["recommend"] = "true", ["version"] = (await VersionAsync(id)).ToString() }, url);
        (await LoadAsync(id)).Status.Should().Be(ApplicationStatus.Recommended);

        var bureau = await fx.SignInAsync("bureau");
        await bureau.PostFormAsync($"{url}/check", new() { ["version"] = (await VersionAsync(id)).ToString() }, url);
        (await LoadAsync(id)).Status.Should().Be(ApplicationStatus.Eligible);

        // The review: 定向委托 gets an appraisal panel with its own rubric; 揭榜挂帅's panel sees the posting enterprise as a party.
        (await bureau.PostFormAsync($"{url}/panel", [], url)).Headers.Location!.OriginalString.Should().StartWith("/panels/");
        var panelId = (await LoadAsync(id)).PanelId!.Value;
        var panel = await fx.WithDbAsync((db, _) => db.ReviewPanels.AsNoTracking().SingleAsync(p => p.Id == panelId));
        panel.SubjectKind.Should().Be(mode == FundingMode.Directed ? "定向委托专家论证" : "项目申报评审");
        panel.Rubric.Select(r => r.Name).Should().Equal(ProjectReview.Rubric(ProjectReview.StageFor(mode)).Select(r => r.Name));
        if (mode == FundingMode.Unveiling)
        {
            var posterCode = await fx.WithDbAsync((db, _) => db.Organizations.Where(o => o.Name == EntA).Select(o => o.CreditCode).SingleAsync());
            panel.Subject.PartnerCreditCodes.Should().Contain(posterCode);
        }

        await PanelSteps.CloseAsync(fx, panelId, [22, 26, 20, 16]);
        await bureau.PostFormAsync($"{url}/score", [], url);
        (await LoadAsync(id)).Score.Should().Be(84m);
        var rankingUrl = $"/projects/programmes/{programmeId}/ranking";
        var ranking = await bureau.GetPageAsync(rankingUrl);
        ranking.QuerySelector("h1")!.TextContent.Should().Contain(mode == FundingMode.Directed ? "专家论证结果" : "评审排序");
        if (mode == FundingMode.Directed)
        {
            ranking.QuerySelector("#ranking-table .appraisal")!.TextContent.Should().Be("通过论证");
        }

        await bureau.PostFormAsync($"{url}/decide", new() { ["approve"] = "true", ["amount"] = "100", ["version"] = (await VersionAsync(id)).ToString() }, rankingUrl);
        (await LoadAsync(id)).Status.Should().Be(ApplicationStatus.Approved);
        var publicityUrl = (await bureau.PostFormAsync($"/projects/programmes/{programmeId}/publicity", [], rankingUrl)).Headers.Location!.OriginalString;
        var publicity = await fx.WithDbAsync((db, _) => db.Publicities.AsNoTracking().SingleAsync(p => p.ProgrammeId == programmeId));
        (await fx.Anonymous().GetPageAsync(publicityUrl)).QuerySelector("#publicity-table")!.TextContent.Should().Contain(name + "项目");

        // The window passes (sessions expire meanwhile: everyone signs in again).
        fx.Clock.Advance(TimeSpan.FromDays(publicity.EndsOn.DayNumber - Today().DayNumber + 1));
        bureau = await fx.SignInAsync("bureau");
        await bureau.PostFormAsync($"{publicityUrl}/end", [], publicityUrl);
        (await LoadAsync(id)).Status.Should().Be(ApplicationStatus.Awarded);

        await bureau.PostFormAsync($"{url}/contract", new()
        {
            ["tranches"] = $"1,60,签订任务书,{Today():yyyy-MM-dd}\n2,40,通过验收,{Today().AddYears(1):yyyy-MM-dd}",
            ["startsOn"] = Today().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["endsOn"] = Today().AddYears(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }, url);
        var project = await fx.WithDbAsync((db, _) => db.Projects.AsNoTracking().SingleAsync(p => p.ApplicationId == id));
        project.Mode.Should().Be(mode);
        var projectUrl = $"/projects/awarded/{project.Id}";

        // Money by the mode's rule.
        async Task<string?> DisburseAsync(int tranche, decimal amount)
        {
            await bureau.PostFormAsync($"{projectUrl}/disburse", new() { ["tranche"] = tranche.ToString(), ["amount"] = amount.ToString(CultureInfo.InvariantCulture), ["reference"] = $"P-{tranche}" },
                projectUrl);
            return (await bureau.GetPageAsync(projectUrl)).QuerySelector(".alert-danger")?.TextContent;
        }

        switch (mode)
        {
            case FundingMode.Unveiling:
                (await DisburseAsync(1, 60)).Should().Contain("三方协议");
                await (await fx.SignInAsync("ent.a")).PostFormAsync($"{projectUrl}/sign", [], projectUrl);
                (await DisburseAsync(1, 60)).Should().BeNull();
                break;
            case FundingMode.Directed:
                (await DisburseAsync(1, 60)).Should().BeNull("a directed commission is paid in stages from the contract on");
                break;
            default:
                (await DisburseAsync(1, 60)).Should().Contain("验收通过后拨付");
                break;
        }

        // Acceptance: not without a panel from the pool; the conclusion rests on the panel's signed score.
        await bureau.PostFormAsync($"{projectUrl}/accept", new() { ["conclusion"] = "Passed", ["opinion"] = "完成任务书各项指标" }, projectUrl);
        (await bureau.GetPageAsync(projectUrl)).QuerySelector(".alert-danger")!.TextContent.Should().Contain("请先组织验收专家组");
        (await bureau.PostFormAsync($"{projectUrl}/acceptance-panel", [], projectUrl)).Headers.Location!.OriginalString.Should().StartWith("/panels/");
        var acceptancePanel = (await fx.WithDbAsync((db, _) => db.Projects.AsNoTracking().SingleAsync(p => p.Id == project.Id))).AcceptancePanelId!.Value;
        (await bureau.GetPageAsync(projectUrl)).QuerySelector("#acceptance-panel-state")!.TextContent.Should().Contain("评审中");
        await PanelSteps.CloseAsync(fx, acceptancePanel, [36, 17, 22, 13], "完成考核指标");
        (await bureau.GetPageAsync(projectUrl)).QuerySelector("#acceptance-score")!.TextContent.Should().Contain("88.00");
        await bureau.PostFormAsync($"{projectUrl}/accept", new() { ["conclusion"] = "Passed", ["opinion"] = "完成任务书各项指标" }, projectUrl);
        var accepted = await fx.WithDbAsync((db, _) => db.Projects.AsNoTracking().SingleAsync(p => p.Id == project.Id));
        accepted.Status.Should().Be(ProjectStatus.Passed);
        accepted.AcceptanceScore.Should().Be(88m);

        if (mode is FundingMode.Crowdsourcing)
        {
            (await DisburseAsync(1, 60)).Should().BeNull("paid once accepted");
        }

        (await fx.WithDbAsync((db, _) => db.Projects.AsNoTracking().SingleAsync(p => p.Id == project.Id))).Disbursed.Should().Be(60m);
    }

    [Fact]
    public async Task A_directed_commission_whose_appraisal_fails_cannot_be_approved()
    {
        var (programmeId, id) = await fx.WithDbAsync(async (db, _) =>
        {
            var now = fx.Clock.GetUtcNow();
            var buct = await db.Organizations.SingleAsync(o => o.Name == Buct);
            var call = Call.Draft(2027, "论证不通过测试指南", now);
            var programme = call.AddProgramme(new ProgrammeTerms("论证不通过测试专项", FundingMode.Directed, 500m, now.AddDays(-1), now.AddDays(20), 1, 1, true, [], buct.CreditCode, 200m), now);
            call.Publish(now);
            var a = ProjectApplication.Draft(programme, buct.Id, buct.Name, buct.CreditCode, buct.RegionCode, false, null, now);
            a.Edit("论证不通过测试项目", "内容", [new BudgetLine("设备费", 10, 80)], [new Milestone("中试", Today().AddYears(1), "报告")], [], [new Domain.Experts.TeamMember("李工", "KEY-LI")]);
            a.Submit(programme.Terms, now);
            a.Recommend(true, null);
            a.RecordFormalCheck([]);
            db.ProjectCalls.Add(call);
            db.ProjectApplications.Add(a);
            await db.SaveChangesAsync();
            return (programme.Id, a.Id);
        });
        var bureau = await fx.SignInAsync("bureau");
        var url = $"/projects/applications/{id}";
        await bureau.PostFormAsync($"{url}/panel", [], url);
        await PanelSteps.CloseAsync(fx, (await LoadAsync(id)).PanelId!.Value, [10, 15, 15, 10], "技术路线不清晰");
        await bureau.PostFormAsync($"{url}/score", [], url);
        var rankingUrl = $"/projects/programmes/{programmeId}/ranking";
        var ranking = await bureau.GetPageAsync(rankingUrl);
        ranking.QuerySelector("#ranking-table .appraisal")!.TextContent.Should().Be("未通过论证");
        ranking.QuerySelector("#ranking-table button.btn-outline-success").Should().BeNull("no 拟立项 button for a failed appraisal");

        await bureau.PostFormAsync($"{url}/decide", new() { ["approve"] = "true", ["amount"] = "80", ["version"] = (await VersionAsync(id)).ToString() }, rankingUrl);
        (await bureau.GetPageAsync(rankingUrl)).QuerySelector(".alert-danger")!.TextContent.Should().Contain("未通过论证");
        (await LoadAsync(id)).Status.Should().Be(ApplicationStatus.Reviewed);
    }

    private DateOnly Today() => DateOnly.FromDateTime(fx.Clock.GetUtcNow().AddHours(8).UtcDateTime);

    private Task<uint> VersionAsync(Guid id) => fx.WithDbAsync((db, _) => db.ProjectApplications.Where(a => a.Id == id).Select(a => a.Version).SingleAsync());

    private Task<ProjectApplication> LoadAsync(Guid id) => fx.WithDbAsync((db, _) => db.ProjectApplications.AsNoTracking().SingleAsync(a => a.Id == id));
}
