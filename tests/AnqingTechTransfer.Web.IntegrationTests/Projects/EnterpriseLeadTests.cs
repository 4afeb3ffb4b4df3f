using System.Globalization;
using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.IntegrationTests.Projects;

/// <summary>
/// Issue 23 §6: the plan's 70 % (企业承担科技攻关项目比例) live — on the ranking page, where the bureau decides, with the effect of
/// each pending approval, and on the city's cockpit for leaders. A fixture of its own: the year's figures are counted by hand.
/// </summary>
public class EnterpriseLeadTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    private static string Percent(decimal share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>The year's tackling applications with the given statuses, counted by hand (the programmes' terms read in memory).</summary>
    private Task<(int Led, int Total)> CountAsync(int year, params ApplicationStatus[] statuses) => fx.WithDbAsync(async (db, _) =>
    {
        var calls = await db.ProjectCalls.AsNoTracking().Where(c => c.Year == year).Select(c => c.Id).ToListAsync();
        var tackling = (await db.Programmes.AsNoTracking().Where(p => calls.Contains(p.CallId)).ToListAsync()).Where(p => p.Terms.IsTackling).Select(p => p.Id).ToList();
        var apps = await db.ProjectApplications.AsNoTracking().Where(a => tackling.Contains(a.ProgrammeId) && statuses.Contains(a.Status)).ToListAsync();
        return (apps.Count(a => a.EnterpriseLed), apps.Count);
    });

    [Fact]
    public async Task The_ranking_shows_the_share_with_each_pending_approvals_effect_and_the_city_cockpit_shows_the_years_share()
    {
        var year = fx.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).Year;
        var programmeId = await fx.WithDbAsync(async (db, _) =>
        {
            var now = fx.Clock.GetUtcNow();
            var orgs = await db.Organizations.Where(o => o.Name == "安庆华宁新材料科技有限公司" || o.Name == "安庆师范大学" || o.Name == "北京化工大学安庆研究院")
                .ToDictionaryAsync(o => o.Name);
            var call = Call.Draft(year, "企业牵头比例测试指南", now);
            var programme = call.AddProgramme(new ProgrammeTerms("企业牵头比例测试专项", FundingMode.Crowdsourcing, 900m, now.AddDays(-5), now.AddDays(5), 3, 3, true, [], null, 300m) { AcceptanceCriteria = "按任务要求完成验收" }, now);
            call.Publish(now);
            db.ProjectCalls.Add(call);
            foreach (var (name, enterprise, score, approve) in new[] { ("安庆师范大学", false, 92m, true), ("安庆华宁新材料科技有限公司", true, 88m, false), ("北京化工大学安庆研究院", false, 81m, false) })
            {
                var o = orgs[name];
                var a = ProjectApplication.Draft(programme, o.Id, o.Name, o.CreditCode, o.RegionCode, enterprise, null, now);
                a.Edit($"企业牵头比例测试：{name}", "内容", [new BudgetLine("设备费", 50, 80)], [new Milestone("中试", DateOnly.FromDateTime(now.UtcDateTime).AddYears(1), "报告")], [],
                    [new AnqingTechTransfer.Domain.Experts.TeamMember("张工", "KEY-" + name)]);
                a.Submit(programme.Terms, now);
                a.Recommend(true, null);
                a.RecordFormalCheck([]);
                a.AssignPanel(Guid.NewGuid()); // the panel's own flow is tested with the expert pool (SelectionTests, PanelSteps)
                a.RecordScore(score);
                if (approve)
                {
                    a.Decide(true, 80m, null, FundingMode.Crowdsourcing);
                }

                db.ProjectApplications.Add(a);
            }

            await db.SaveChangesAsync();
            return programme.Id;
        });

        var (led, total) = await CountAsync(year, ApplicationStatus.Awarded, ApplicationStatus.Approved);
        total.Should().BeGreaterThan(0, "the 拟立项 application counts");
        var ranking = await (await fx.As("bureau")).GetPageAsync($"/projects/programmes/{programmeId}/ranking");
        ranking.QuerySelector("#enterprise-lead-share")!.TextContent.Should().Be(Percent((decimal)led / total));
        var rows = ranking.QuerySelectorAll("#ranking-table tbody tr").ToDictionary(r => r.QuerySelector("a")!.TextContent);
        rows["企业牵头比例测试：安庆华宁新材料科技有限公司"].QuerySelector(".lead-after")!.TextContent.Should().StartWith($"批准后：企业牵头占比 {Percent((decimal)(led + 1) / (total + 1))}");
        var university = rows["企业牵头比例测试：北京化工大学安庆研究院"].QuerySelector(".lead-after")!;
        var afterUniversity = (decimal)led / (total + 1);
        university.TextContent.Should().Be($"批准后：企业牵头占比 {Percent(afterUniversity)}" + (afterUniversity < 0.7m ? "，低于 70%" : ""));
        university.ClassList.Contains("text-danger").Should().Be(afterUniversity < 0.7m);
        rows["企业牵头比例测试：安庆师范大学"].QuerySelector(".lead-after").Should().BeNull("already decided");

        var (awardedLed, awardedTotal) = await CountAsync(year, ApplicationStatus.Awarded);
        var cockpit = await (await fx.As("leader.city")).GetPageAsync($"/cockpit?year={year}");
        cockpit.QuerySelector("#cockpit-enterprise-lead-share")!.TextContent.Should().Be(awardedTotal == 0 ? "—" : Percent((decimal)awardedLed / awardedTotal));
        cockpit.QuerySelector("#cockpit-enterprise-lead")!.TextContent.Should().Contain($"已立项的攻关类市级科技计划项目 {awardedTotal} 项，其中企业牵头 {awardedLed} 项");
        (await (await fx.As("leader.huaining")).GetPageAsync($"/cockpit?year={year}")).QuerySelector("#cockpit-enterprise-lead").Should().BeNull("the 70 % is the city's figure");
    }

    [Fact]
    public void The_share_after_an_approval_counts_the_approved_one()
    {
        EnterpriseLead.After(7, 10, enterpriseLed: false).Should().Be((7m / 11, true));
        EnterpriseLead.After(6, 9, enterpriseLed: true).Should().Be((0.7m, false));
        EnterpriseLead.Percent(0.68181m).Should().Be("68.2%");
    }
}
