using System.Globalization;
using System.Net;
using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.IntegrationTests.Projects;

public class AwardedProjectTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    /// <summary>Awarded applications of one tackling programme: who leads each, as the figure must count them.</summary>
    private async Task<Guid> AwardedAsync(string programmeName, params (string Organization, bool Tackling)[] leads) =>
        await fx.WithDbAsync(async (db, _) =>
        {
            var now = fx.Clock.GetUtcNow();
            var call = Call.Draft(2026, programmeName + "指南", now);
            var tackling = call.AddProgramme(new ProgrammeTerms(programmeName, FundingMode.Crowdsourcing, 1000m, now.AddDays(-1), now.AddDays(30), 5, 5, true, [], null, 100m) { AcceptanceCriteria = "按任务要求完成验收" }, now);
            var other = call.AddProgramme(new ProgrammeTerms(programmeName + "（非攻关）", FundingMode.PostSubsidy, 1000m, now.AddDays(-1), now.AddDays(30), 5, 5, false, [], null, 100m) { SubsidyRate = 0.3m }, now);
            call.Publish(now);
            db.ProjectCalls.Add(call);
            Guid last = default;
            foreach (var (name, isTackling) in leads)
            {
                var org = await db.Organizations.SingleAsync(o => o.Name == name);
                var programme = isTackling ? tackling : other;
                var a = ProjectApplication.Draft(programme, org.Id, org.Name, org.CreditCode, org.RegionCode, org.Kind == Domain.Organizations.OrganizationKind.Enterprise, null, now);
                a.Edit($"{programmeName}-{name}", "内容", [new BudgetLine("设备费", 20, 60)], [new Milestone("中试", DateOnly.FromDateTime(now.UtcDateTime).AddDays(-1), "报告")], [], [new AnqingTechTransfer.Domain.Experts.TeamMember("张工", "KEY-ZHANG")]);
                ApplicationSteps.Award(a, programme.Terms, now, 85, 60);
                db.ProjectApplications.Add(a);
                last = a.Id;
            }

            await db.SaveChangesAsync();
            return last;
        });

    [Fact]
    public async Task The_enterprise_led_share_equals_a_hand_count_and_warns_below_seventy_percent()
    {
        await AwardedAsync("占比测试专项", ("安庆华宁新材料科技有限公司", true), ("潜山舒源生物医药有限公司", true), ("安庆师范大学", true),
            ("北京化工大学安庆研究院", false));
        var page = await (await fx.As("leader.city")).GetPageAsync("/projects/figures");
        var row = page.QuerySelectorAll("#lead-table tbody tr").Single(r => r.TextContent.Contains("占比测试专项") && !r.TextContent.Contains("非攻关"));
        var cells = row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        cells[2].Should().Be("2", "two of the three tackling projects are led by enterprises");
        cells[3].Should().Be("3", "the post-subsidy project is not a tackling project");
        cells[4].Should().StartWith("66.7%").And.Contain("低于70%");
        row.ClassName.Should().Contain("table-danger");
    }

    [Fact]
    public async Task A_task_contract_is_signed_paid_by_tranches_reported_changed_and_accepted_and_overdue_milestones_stand_out()
    {
        var id = await AwardedAsync("履约测试专项", ("安庆华宁新材料科技有限公司", true));
        var bureau = await fx.As("bureau");
        var wrong = await bureau.PostFormAsync($"/projects/applications/{id}/contract", new() { ["tranches"] = "1,40,签订任务书,2026-12-01" }, $"/projects/applications/{id}");
        wrong.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await fx.WithDbAsync((db, _) => db.Projects.CountAsync(p => p.ApplicationId == id))).Should().Be(0, "tranches must add up to the award");
        var today = DateOnly.FromDateTime(fx.Clock.GetUtcNow().AddHours(8).UtcDateTime);
        await bureau.PostFormAsync($"/projects/applications/{id}/contract", new()
        {
            ["tranches"] = "1,36,签订任务书,2026-12-01\n2,24,通过中期检查,2027-06-01",
            ["startsOn"] = today.AddDays(-400).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["endsOn"] = today.AddDays(200).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }, $"/projects/applications/{id}");
        var project = await fx.WithDbAsync((db, _) => db.Projects.AsNoTracking().SingleAsync(p => p.ApplicationId == id));

        var watch = await (await fx.As("county.huaining")).GetPageAsync("/projects/awarded");
        watch.QuerySelector("#awarded-table .overdue")!.TextContent.Should().Contain("逾期");
        watch.QuerySelector("#awarded-table .report-overdue").Should().NotBeNull("the project is past its midpoint without a mid-term report");

        var url = $"/projects/awarded/{project.Id}";
        var ent = await fx.As("ent.a");
        await ent.PostFormAsync(url + "/reports", new() { ["text"] = "完成小试，进入中试" }, url);
        (await bureau.GetPageAsync(url)).QuerySelector("#report-overdue").Should().BeNull("the mid-term report is in");
        var newEnd = project.EndsOn.AddMonths(6).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await ent.PostFormAsync(url + "/changes", new() { ["kind"] = "Extension", ["description"] = "中试设备到货延迟", ["newEndDate"] = newEnd }, url);
        var change = (await fx.WithDbAsync((db, _) => db.Projects.AsNoTracking().SingleAsync(p => p.Id == project.Id))).Changes.Single();
        await bureau.PostFormAsync($"{url}/changes/{change.Id}", new() { ["approve"] = "true", ["reply"] = "同意延期" }, url);
        (await fx.WithDbAsync((db, _) => db.Projects.AsNoTracking().SingleAsync(p => p.Id == project.Id))).EndsOn.Should().Be(project.EndsOn.AddMonths(6));

        // 研发众包 is paid after acceptance: before it, no money; after it, tranche by tranche, in order.
        await bureau.PostFormAsync(url + "/disburse", new() { ["tranche"] = "1", ["amount"] = "36", ["reference"] = "P-0" }, url);
        (await bureau.GetPageAsync(url)).QuerySelector(".alert-danger")!.TextContent.Should().Contain("验收通过后拨付");
        await bureau.PostFormAsync(url + "/acceptance-panel", [], url);
        await PanelSteps.CloseAsync(fx, (await fx.WithDbAsync((db, _) => db.Projects.AsNoTracking().SingleAsync(p => p.Id == project.Id))).AcceptancePanelId!.Value, [35, 16, 20, 12]);
        await bureau.PostFormAsync(url + "/accept", new() { ["conclusion"] = "Passed", ["opinion"] = "完成任务书各项指标" }, url);
        await bureau.PostFormAsync(url + "/disburse", new() { ["tranche"] = "2", ["amount"] = "10", ["reference"] = "P-2" }, url);
        (await bureau.GetPageAsync(url)).QuerySelector(".alert-danger")!.TextContent.Should().Contain("前期拨款未拨付完毕");
        await bureau.PostFormAsync(url + "/disburse", new() { ["tranche"] = "1", ["amount"] = "36", ["reference"] = "P-1" }, url);
        (await bureau.GetPageAsync(url)).QuerySelector("#disbursed")!.TextContent.Should().Be("36.00");
        (await fx.WithDbAsync((db, _) => db.Projects.AsNoTracking().SingleAsync(p => p.Id == project.Id))).Status.Should().Be(ProjectStatus.Passed);
    }
}
