using System.Net;
using AnqingTechTransfer.Domain.Experts;
using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.IntegrationTests.Projects;

/// <summary>
/// Issue 23 §7: 通报批评, 限制申报, 追回资金 and 终止任务书 recorded on the unit and the responsible person; the formal check and the
/// expert pool's credit score read them. A fixture of its own: the sanctions bar later applications.
/// </summary>
public class SanctionTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    /// <summary>舒源生物's 定向委托 project with 40 万元 paid; its team's lead is 蒋思源 (the same person as the pool's expert, by ID key).</summary>
    private Task<(Guid Project, string PersonKey, Guid Expert)> RunningProjectAsync() => fx.WithDbAsync(async (db, _) =>
    {
        var now = fx.Clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var entB = await db.Organizations.SingleAsync(o => o.Name == "潜山舒源生物医药有限公司");
        var expert = await db.Experts.SingleAsync(e => e.Name == "蒋思源");
        var call = Call.Draft(2026, "诚信处理测试指南", now);
        var programme = call.AddProgramme(new ProgrammeTerms("诚信处理测试专项", FundingMode.Directed, 500m, now.AddDays(-30), now.AddDays(-1), 1, 1, true, [], entB.CreditCode, 100m), now);
        call.Publish(now);
        var application = ProjectApplication.Draft(programme, entB.Id, entB.Name, entB.CreditCode, entB.RegionCode, true, null, now.AddDays(-20));
        application.Edit("诚信处理测试项目", "内容", [new BudgetLine("设备费", 50, 80)], [new Milestone("中试", today.AddMonths(6), "报告")], [],
            [new TeamMember("蒋思源", expert.IdNumberKey)]);
        ApplicationSteps.Award(application, programme.Terms, now.AddDays(-20), 85, 80);
        var project = Project.FromAward(application, today.AddMonths(-3), today.AddMonths(9), [new Tranche(1, 40m, "签订任务书", today.AddMonths(-3)), new Tranche(2, 40m, "验收", today.AddMonths(9))],
            now, FundingMode.Directed);
        project.Disburse(1, 40m, today.AddMonths(-3), "拨付凭证001");
        db.ProjectCalls.Add(call);
        db.ProjectApplications.Add(application);
        db.Projects.Add(project);
        await db.SaveChangesAsync();
        return (project.Id, expert.IdNumberKey, expert.Id);
    });

    private static Dictionary<string, string> Sanction(string kind, string reason, params (string Key, string Value)[] more)
    {
        var form = new Dictionary<string, string> { ["Kind"] = kind, ["Reason"] = reason };
        foreach (var (key, value) in more)
        {
            form[key] = value;
        }

        return form;
    }

    [Fact]
    public async Task Sanctions_are_recorded_on_the_unit_and_the_person_bar_the_formal_check_lower_the_experts_credit_and_terminate_the_contract()
    {
        var (projectId, personKey, expertId) = await RunningProjectAsync();
        var url = $"/projects/awarded/{projectId}";
        var bureau = await fx.As("bureau");
        var creditBefore = int.Parse((await bureau.GetPageAsync($"/experts/{expertId}")).QuerySelector("#credit-score")!.TextContent);

        // 追回资金 beyond what was paid is refused with its reason; nothing is recorded.
        await bureau.PostFormAsync($"{url}/sanctions", Sanction("FundRecovery", "虚报中试费用", ("RecoveryAmount", "60"), ("RecoveryDueOn", "2027-03-31")), url);
        (await bureau.GetPageAsync(url)).QuerySelector("#flash-error")!.TextContent.Should().Contain("不超过已拨付的 40 万元");
        (await fx.WithDbAsync((db, _) => db.ProjectSanctions.CountAsync(s => s.ProjectId == projectId))).Should().Be(0);

        await bureau.PostFormAsync($"{url}/sanctions", Sanction("FundRecovery", "虚报中试费用", ("RecoveryAmount", "30"), ("RecoveryDueOn", "2027-03-31")), url);
        await bureau.PostFormAsync($"{url}/sanctions", Sanction("ApplicationBan", "虚报中试费用，情节较重", ("BanYears", "2"), ("PersonKey", personKey)), url);
        await bureau.PostFormAsync($"{url}/sanctions", Sanction("Termination", "未按任务书开展研发"), url);
        var page = await bureau.GetPageAsync(url);
        page.QuerySelectorAll("#sanction-list li").Select(li => li.GetAttribute("data-kind")).Should().BeEquivalentTo(["FundRecovery", "ApplicationBan", "Termination"]);
        page.QuerySelector("#sanction-list li[data-kind='ApplicationBan']")!.TextContent.Should().Contain("责任人 蒋思源").And.Contain("限制申报至");
        (await fx.WithDbAsync((db, _) => db.Projects.AsNoTracking().SingleAsync(p => p.Id == projectId))).Status.Should().Be(ProjectStatus.Terminated);
        await bureau.PostFormAsync($"{url}/disburse", new() { ["tranche"] = "2", ["amount"] = "40", ["reference"] = "拨付凭证002" }, url);
        (await fx.WithDbAsync((db, _) => db.Projects.AsNoTracking().SingleAsync(p => p.Id == projectId))).Disbursements.Should().ContainSingle("a terminated contract is paid no more");

        // The recovery comes back in two payments.
        var recovery = await fx.WithDbAsync((db, _) => db.ProjectSanctions.Where(s => s.Kind == SanctionKind.FundRecovery && s.ProjectId == projectId).Select(s => s.Id).SingleAsync());
        await bureau.PostFormAsync($"{url}/sanctions/{recovery}/recovered", new() { ["amount"] = "20" }, url);
        await bureau.PostFormAsync($"{url}/sanctions/{recovery}/recovered", new() { ["amount"] = "20" }, url);
        (await bureau.GetPageAsync(url)).QuerySelector("#flash-error")!.TextContent.Should().Contain("累计不超过 30");
        await bureau.PostFormAsync($"{url}/sanctions/{recovery}/recovered", new() { ["amount"] = "10" }, url);
        (await fx.WithDbAsync((db, _) => db.ProjectSanctions.SingleAsync(s => s.Id == recovery))).IsRecoveryOpen.Should().BeFalse();

        // The person's sanctions cost them in the expert pool: three sanctions name nobody but the ban names 蒋思源.
        var creditAfter = int.Parse((await bureau.GetPageAsync($"/experts/{expertId}")).QuerySelector("#credit-score")!.TextContent);
        creditAfter.Should().Be(Math.Max(0, creditBefore - ProjectSanction.CreditPenalty));
        // The expert reads the same score on their own record (the sanction's project is not theirs to see).
        int.Parse((await (await fx.As("expert.b")).GetPageAsync($"/experts/{expertId}")).QuerySelector("#credit-score")!.TextContent).Should().Be(creditAfter);

        // A later application whose team includes 蒋思源 fails the formal check, whoever the unit is; so does one of 舒源生物 itself.
        foreach (var (unit, team) in new[] { ("安庆华宁新材料科技有限公司", new TeamMember("蒋思源", personKey)), ("潜山舒源生物医药有限公司", new TeamMember("王工", "KEY-WANG")) })
        {
            var id = await fx.WithDbAsync(async (db, _) =>
            {
                var now = fx.Clock.GetUtcNow();
                var org = await db.Organizations.SingleAsync(o => o.Name == unit);
                var call = Call.Draft(2027, "处理后申报测试指南" + unit, now);
                var programme = call.AddProgramme(new ProgrammeTerms("处理后申报测试专项" + unit, FundingMode.Crowdsourcing, 500m, now.AddDays(-5), now.AddDays(5), 1, 1, true, [], null, 100m) { AcceptanceCriteria = "按任务要求完成验收" }, now);
                call.Publish(now);
                var a = ProjectApplication.Draft(programme, org.Id, org.Name, org.CreditCode, org.RegionCode, true, null, now);
                a.Edit("处理后申报测试项目", "内容", [new BudgetLine("设备费", 50, 80)], [new Milestone("中试", DateOnly.FromDateTime(now.UtcDateTime).AddYears(1), "报告")], [], [team]);
                a.Submit(programme.Terms, now);
                a.Recommend(true, null);
                db.ProjectCalls.Add(call);
                db.ProjectApplications.Add(a);
                await db.SaveChangesAsync();
                return (a.Id, a.Version);
            });
            await bureau.PostFormAsync($"/projects/applications/{id.Id}/check", new() { ["version"] = id.Version.ToString() }, $"/projects/applications/{id.Id}");
            var checkedApplication = await fx.WithDbAsync((db, _) => db.ProjectApplications.AsNoTracking().SingleAsync(a => a.Id == id.Id));
            checkedApplication.Status.Should().Be(ApplicationStatus.Ineligible, unit);
            checkedApplication.CheckFailures.Should().ContainSingle(f => f.Rule == FormalCheckRule.Sanction).Which.Reason.Should().Contain("科研诚信处理期内");
        }
    }

    [Fact]
    public async Task Only_the_bureau_sanctions_and_a_responsible_person_must_be_on_the_team()
    {
        var (projectId, _, _) = await RunningProjectAsync();
        var url = $"/projects/awarded/{projectId}";
        (await (await fx.As("county.qianshan")).PostFormAsync($"{url}/sanctions", Sanction("PublicCriticism", "测试"), url)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await (await fx.As("ent.b")).PostFormAsync($"{url}/sanctions", Sanction("PublicCriticism", "测试"), url)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var bureau = await fx.As("bureau");
        await bureau.PostFormAsync($"{url}/sanctions", Sanction("PublicCriticism", "未按期报送进展", ("PersonKey", "KEY-NOT-ON-TEAM")), url);
        (await bureau.GetPageAsync(url)).QuerySelector("#flash-error")!.TextContent.Should().Contain("责任人须是本项目团队成员");
        await bureau.PostFormAsync($"{url}/sanctions", Sanction("ApplicationBan", "测试", ("BanYears", "9")), url);
        (await bureau.GetPageAsync(url)).QuerySelector("#flash-error")!.TextContent.Should().Contain("1至5年");
        (await fx.WithDbAsync((db, _) => db.ProjectSanctions.CountAsync(s => s.ProjectId == projectId))).Should().Be(0);
        await bureau.PostFormAsync($"{url}/sanctions", Sanction("PublicCriticism", "未按期报送进展"), url);
        (await (await fx.As("ent.b")).GetPageAsync(url)).QuerySelector("#sanction-list")!.TextContent.Should().Contain("通报批评").And.Contain("未按期报送进展",
            "the unit sees what was decided about its project");
    }
}
