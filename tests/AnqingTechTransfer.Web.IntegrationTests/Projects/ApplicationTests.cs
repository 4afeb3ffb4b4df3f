using System.Net;
using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.IntegrationTests.Projects;

public class ApplicationTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    private async Task<Guid> ProgrammeAsync(string name, FundingMode mode, DateTimeOffset closes, int cap = 1, IReadOnlyList<string>? attachments = null) =>
        await fx.WithDbAsync(async (db, _) =>
        {
            var now = fx.Clock.GetUtcNow();
            var call = Call.Draft(2027, name + "指南", now);
            var p = call.AddProgramme(new ProgrammeTerms(name, mode, 500m, now.AddDays(-5), closes, cap, cap, true, attachments ?? [], null, 100m) { SubsidyRate = 0.3m, AcceptanceCriteria = "按任务要求完成验收" }, now);
            call.Publish(now);
            db.ProjectCalls.Add(call);
            await db.SaveChangesAsync();
            return p.Id;
        });

    private async Task<Guid> DraftAsync(string user, Guid programme, string title)
    {
        var client = await fx.As(user);
        (await client.PostFormAsync($"/projects/applications/new?programmeId={programme}", [], "/projects/applications")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var id = await fx.WithDbAsync((db, _) => db.ProjectApplications.Where(a => a.ProgrammeId == programme && a.Title == "").OrderByDescending(a => a.Id).Select(a => a.Id).FirstAsync());
        var saved = await client.PostFormAsync($"/projects/applications/{id}", ApplicationRows.Expand(new()
        {
            ["Title"] = title, ["Summary"] = "研制新型催化剂并完成中试", ["Budget"] = "设备费,100,60\n材料费,50,30", ["Milestones"] = "完成中试,2027-12-31,中试报告",
            ["Team"] = "张工," + Domain.Experts.PersonalIds.CompleteIdNumber("34080219800101123"),
            ["Version"] = (await fx.WithDbAsync((db, _) => db.ProjectApplications.Where(a => a.Id == id).Select(a => a.Version).SingleAsync())).ToString(),
        }), $"/projects/applications/{id}");
        saved.StatusCode.Should().Be(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        return id;
    }

    private Task<uint> VersionAsync(Guid id) => fx.WithDbAsync((db, _) => db.ProjectApplications.Where(a => a.Id == id).Select(a => a.Version).SingleAsync());

    private async Task SubmitAsync(string user, Guid id) =>
        await (await fx.As(user)).PostFormAsync($"/projects/applications/{id}/submit", new() { ["version"] = (await VersionAsync(id)).ToString() }, $"/projects/applications/{id}");

    private Task<ProjectApplication> LoadAsync(Guid id) => fx.WithDbAsync((db, _) => db.ProjectApplications.AsNoTracking().SingleAsync(a => a.Id == id));

    [Fact]
    public async Task A_submission_after_the_deadline_is_refused_with_a_clear_message_and_nothing_is_lost()
    {
        // The programme closed a minute ago on the server's clock: the draft saved before can no longer be submitted.
        var programme = await ProgrammeAsync("截止测试专项", FundingMode.PostSubsidy, fx.Clock.GetUtcNow().AddMinutes(-1));
        var id = await DraftAsync("ent.b", programme, "截止前保存的项目");
        await SubmitAsync("ent.b", id);
        var page = await (await fx.As("ent.b")).GetPageAsync($"/projects/applications/{id}");
        page.QuerySelector(".alert-danger")!.TextContent.Should().Contain("截止，不能再提交");
        var application = await LoadAsync(id);
        application.Status.Should().Be(ApplicationStatus.Draft);
        application.Title.Should().Be("截止前保存的项目", "the draft is kept");
    }

    [Fact]
    public async Task An_application_goes_through_recommendation_and_the_formal_check_which_refuses_a_second_one_over_the_cap()
    {
        var programme = await ProgrammeAsync("限额测试专项", FundingMode.Crowdsourcing, fx.Clock.GetUtcNow().AddDays(10), cap: 1, attachments: ["申报书"]);
        var first = await DraftAsync("univ.aqnu", programme, "限额测试项目一");
        var second = await DraftAsync("univ.aqnu", programme, "限额测试项目二");

        // A document upload: the content decides the type.
        var aqnu = await fx.As("univ.aqnu");
        await aqnu.PostMultipartAsync($"/projects/applications/{first}/attachments", new() { ["kind"] = "申报书" }, ("file", "申报书.pdf", "%PDF-1.4 test"u8.ToArray()),
            $"/projects/applications/{first}");
        (await LoadAsync(first)).AttachedKinds.Should().Contain("申报书");
        await aqnu.PostMultipartAsync($"/projects/applications/{first}/attachments", new() { ["kind"] = "其他材料" }, ("file", "检测报告.pdf", "%PDF-1.4 test"u8.ToArray()),
            $"/projects/applications/{first}");
        await aqnu.PostMultipartAsync($"/projects/applications/{first}/attachments", new() { ["kind"] = "随意类别" }, ("file", "x.pdf", "%PDF-1.4 test"u8.ToArray()),
            $"/projects/applications/{first}");
        (await LoadAsync(first)).AttachedKinds.Should().BeEquivalentTo(["申报书", "其他材料"], "supporting material is always accepted, an unknown kind is not");

        foreach (var id in new[] { first, second })
        {
            await SubmitAsync("univ.aqnu", id);
            (await LoadAsync(id)).Status.Should().Be(ApplicationStatus.Submitted);
        }

        // 宜秀区, the university's district, has no demo user: its recommendation is recorded directly.
        await fx.WithDbAsync(async (db, _) =>
        {
            foreach (var a in await db.ProjectApplications.Where(a => a.Id == first || a.Id == second).ToListAsync())
            {
                a.Recommend(true, null);
            }

            await db.SaveChangesAsync();
        });
        var bureau = await fx.As("bureau");
        await bureau.PostFormAsync($"/projects/applications/{first}/check", new() { ["version"] = (await VersionAsync(first)).ToString() }, $"/projects/applications/{first}");
        (await LoadAsync(first)).Status.Should().Be(ApplicationStatus.Eligible);
        await bureau.PostFormAsync($"/projects/applications/{second}/check", new() { ["version"] = (await VersionAsync(second)).ToString() }, $"/projects/applications/{second}");
        var refused = await LoadAsync(second);
        refused.Status.Should().Be(ApplicationStatus.Ineligible);
        refused.CheckFailures.Select(f => f.Rule).Should().Contain([FormalCheckRule.Cap, FormalCheckRule.Attachments]);
        (await bureau.GetPageAsync($"/projects/applications/{second}")).QuerySelector("#check-failures")!.TextContent.Should().Contain("超过限额 1 项").And.Contain("缺少附件：申报书");
    }

    /// <summary>Issue 25 §1: the steps of the county and the bureau tell the applicant (消息 and outbox); its own steps tell nobody.</summary>
    [Fact]
    public async Task The_applicant_is_told_of_each_step_the_county_and_the_bureau_take_and_of_none_of_its_own()
    {
        var programme = await ProgrammeAsync("消息测试专项", FundingMode.Crowdsourcing, fx.Clock.GetUtcNow().AddDays(10));
        var id = await DraftAsync("ent.a", programme, "消息测试项目");
        await SubmitAsync("ent.a", id);
        var link = $"/projects/applications/{id}";
        Task<List<string>> ToldAsync() => fx.WithDbAsync(async (db, _) =>
        {
            var admins = await db.Users.Where(u => u.UserName == "ent.a").Select(u => u.Id).ToListAsync();
            return await db.Notifications.AsNoTracking().Where(n => n.Link == link).OrderBy(n => n.CreatedAt).ThenBy(n => n.Id)
                .Select(n => (admins.Contains(n.RecipientUserId) ? "ent.a|" : "other|") + n.Title + "|" + n.Body).ToListAsync();
        });
        (await ToldAsync()).Should().BeEmpty("submitting is the applicant's own step; the county sees it among its to-dos");

        var county = await fx.As("county.huaining");
        await county.PostFormAsync($"{link}/recommend", new() { ["recommend"] = "false", ["remark"] = "请补充中试场地说明", ["version"] = (await VersionAsync(id)).ToString() }, link);
        (await LoadAsync(id)).Status.Should().Be(ApplicationStatus.Returned);
        (await ToldAsync()).Should().Equal("ent.a|项目申报：退回修改|您单位的项目申报“消息测试项目”状态变为“退回修改”：请补充中试场地说明。");

        await SubmitAsync("ent.a", id);
        fx.Clock.Advance(TimeSpan.FromSeconds(1));
        await county.PostFormAsync($"{link}/recommend", new() { ["recommend"] = "true", ["version"] = (await VersionAsync(id)).ToString() }, link);
        fx.Clock.Advance(TimeSpan.FromSeconds(1));
        await (await fx.As("bureau")).PostFormAsync($"{link}/check", new() { ["version"] = (await VersionAsync(id)).ToString() }, link);
        (await LoadAsync(id)).Status.Should().Be(ApplicationStatus.Eligible);
        (await ToldAsync()).Skip(1).Should().Equal(
            "ent.a|项目申报：待形式审查|您单位的项目申报“消息测试项目”状态变为“待形式审查”。",
            "ent.a|项目申报：待专家评审|您单位的项目申报“消息测试项目”状态变为“待专家评审”。");
        (await fx.WithDbAsync((db, _) => db.OutboxMails.AsNoTracking().CountAsync(m => m.Link == link && m.Kind == Domain.Messaging.MessageKind.Projects)))
            .Should().Be(3, "each message has its e-mail copy in the outbox");
        (await (await fx.As("ent.a")).GetPageAsync("/messages")).QuerySelector("#message-list")!.TextContent.Should().Contain("项目申报：待专家评审");
    }

    [Fact]
    public async Task The_county_recommends_or_returns_with_a_reason_and_a_unit_with_a_failed_project_is_refused_at_the_formal_check()
    {
        var programme = await ProgrammeAsync("诚信测试专项", FundingMode.Crowdsourcing, fx.Clock.GetUtcNow().AddDays(10));
        var id = await DraftAsync("ent.a", programme, "诚信测试项目");
        await SubmitAsync("ent.a", id);
        var county = await fx.As("county.huaining");
        await county.PostFormAsync($"/projects/applications/{id}/recommend", new() { ["recommend"] = "false", ["remark"] = "", ["version"] = (await VersionAsync(id)).ToString() },
            $"/projects/applications/{id}");
        (await LoadAsync(id)).Status.Should().Be(ApplicationStatus.Submitted, "a return needs a reason");
        await county.PostFormAsync($"/projects/applications/{id}/recommend", new() { ["recommend"] = "true", ["version"] = (await VersionAsync(id)).ToString() },
            $"/projects/applications/{id}");
        (await LoadAsync(id)).Status.Should().Be(ApplicationStatus.Recommended);

        // ent.a's earlier project failed its acceptance: the unit is barred for three years after its end.
        await fx.WithDbAsync(async (db, _) =>
        {
            var entA = await db.Organizations.SingleAsync(o => o.Name == "安庆华宁新材料科技有限公司");
            var now = fx.Clock.GetUtcNow();
            var oldProgramme = new Programme(Guid.NewGuid(), Guid.NewGuid(), new ProgrammeTerms("旧专项", FundingMode.Crowdsourcing, 100m, now.AddYears(-3), now.AddYears(-3).AddDays(30), 1, 1, true, [], null, 50m) { AcceptanceCriteria = "按任务要求完成验收" });
            var old = ProjectApplication.Draft(oldProgramme, entA.Id, entA.Name, entA.CreditCode, entA.RegionCode, true, null, now);
            old.Edit("旧项目", "内容", [new BudgetLine("设备费", 10, 40)], [new Milestone("完成", DateOnly.FromDateTime(now.UtcDateTime), "报告")], [], [new AnqingTechTransfer.Domain.Experts.TeamMember("张工", "KEY-ZHANG")]);
            ApplicationSteps.Award(old, oldProgramme.Terms, now.AddYears(-3).AddDays(1), 70, 40);
            var project = Project.FromAward(old, DateOnly.FromDateTime(now.UtcDateTime).AddYears(-2), DateOnly.FromDateTime(now.UtcDateTime).AddMonths(-6),
                [new Tranche(1, 40m, "签订任务书", DateOnly.FromDateTime(now.UtcDateTime).AddYears(-2))], now, FundingMode.Crowdsourcing);
            project.AssignAcceptancePanel(Guid.NewGuid());
            project.Accept(ProjectStatus.Failed, "未完成主要指标", 40m);
            db.ProjectApplications.Add(old);
            db.Projects.Add(project);
            await db.SaveChangesAsync();
        });
        await (await fx.As("bureau")).PostFormAsync($"/projects/applications/{id}/check", new() { ["version"] = (await VersionAsync(id)).ToString() }, $"/projects/applications/{id}");
        var checkedApplication = await LoadAsync(id);
        checkedApplication.Status.Should().Be(ApplicationStatus.Ineligible);
        checkedApplication.CheckFailures.Should().ContainSingle(f => f.Rule == FormalCheckRule.Sanction).Which.Reason.Should().Contain("科研诚信处理期内");
    }

    [Fact]
    public async Task An_expert_on_the_applicants_team_is_excluded_from_the_panel_drawn_for_it()
    {
        var programme = await ProgrammeAsync("团队回避测试专项", FundingMode.Crowdsourcing, fx.Clock.GetUtcNow().AddDays(10));
        var id = await DraftAsync("ent.b", programme, "团队回避测试项目");
        // expert.a's demo identity is on the team.
        var expertAId = Domain.Experts.PersonalIds.CompleteIdNumber("34080119600101100");
        var client = await fx.As("ent.b");
        await client.PostFormAsync($"/projects/applications/{id}", ApplicationRows.Expand(new()
        {
            ["Title"] = "团队回避测试项目", ["Summary"] = "内容", ["Budget"] = "设备费,100,60", ["Milestones"] = "完成中试,2027-12-31,中试报告",
            ["Team"] = "张工," + Domain.Experts.PersonalIds.CompleteIdNumber("34080219800101123") + "\n卫明远," + expertAId, ["Version"] = (await VersionAsync(id)).ToString(),
        }), $"/projects/applications/{id}");
        await fx.WithDbAsync(async (db, _) =>
        {
            var a = await db.ProjectApplications.SingleAsync(x => x.Id == id);
            a.Team.Should().HaveCount(2);
            a.Submit((await db.Programmes.SingleAsync(p => p.Id == programme)).Terms, fx.Clock.GetUtcNow());
            a.Recommend(true, null);
            a.RecordFormalCheck([]);
            await db.SaveChangesAsync();
        });

        var bureau = await fx.As("bureau");
        var panelUrl = (await bureau.PostFormAsync($"/projects/applications/{id}/panel", [], $"/projects/applications/{id}")).Headers.Location!.OriginalString;
        var content = new List<KeyValuePair<string, string>>
        {
            new("FieldCodes", "01"), new("FieldCodes", "04"), new("Count", "1"), new("Reserves", "0"), new("PerEmployerCap", "25"), new("MinOutside", "0"), new("MinCredit", "0"),
            new("__RequestVerificationToken", await bureau.TokenAsync(panelUrl)),
        };
        await bureau.Http.PostAsync(panelUrl + "/draw", new FormUrlEncodedContent(content));
        var panelId = Guid.Parse(panelUrl.Split('/').Last());
        var expertA = await fx.WithDbAsync((db, _) => db.Experts.Where(e => e.Name == "卫明远").Select(e => e.Id).SingleAsync());
        var stored = await fx.WithDbAsync((db, _) => db.ReviewPanels.AsNoTracking().SingleAsync(p => p.Id == panelId));
        stored.Draw!.Result.Selected.Should().NotContain(expertA);
        stored.Draw.Result.Exclusions.Should().Contain(x => x.ExpertId == expertA && x.Reason.Contains("本人为申报人或团队成员"));
    }

    [Fact]
    public async Task Experts_of_a_unit_that_took_on_a_joint_project_with_the_applicant_in_the_last_three_years_are_excluded()
    {
        // 北化工安庆研究院 took on a problem 舒源生物 posted, a year ago: the two are collaborators under the three-year rule.
        // 蒋思源 works at 北化工安庆研究院 (his record carries its portal credit code).
        await fx.WithDbAsync(async (db, _) =>
        {
            var now = fx.Clock.GetUtcNow();
            var buct = await db.Organizations.SingleAsync(o => o.Name == "北京化工大学安庆研究院");
            var entB = await db.Organizations.SingleAsync(o => o.Name == "潜山舒源生物医药有限公司");
            var jiang = await db.Experts.SingleAsync(e => e.Name == "蒋思源");
            jiang.Update(jiang.Profile with { EmployerName = buct.Name, EmployerCreditCode = buct.CreditCode }, jiang.Relations, jiang.Blackouts);
            var oldProgramme = new Programme(Guid.NewGuid(), Guid.NewGuid(), new ProgrammeTerms("旧揭榜专项", FundingMode.Unveiling, 100m, now.AddYears(-1), now.AddYears(-1).AddDays(30), 1, 1, true, [], null, 50m));
            var problem = Problem.Propose(entB.Id, entB.Name, entB.RegionCode, "旧题目", "难题", "指标", 50m, DateOnly.FromDateTime(now.UtcDateTime).AddYears(1),
                DateOnly.FromDateTime(now.UtcDateTime).AddYears(-1), now);
            problem.Screen(true, null);
            problem.List(oldProgramme);
            var old = ProjectApplication.Draft(oldProgramme, buct.Id, buct.Name, buct.CreditCode, buct.RegionCode, false, problem.Id, now, entB.Id);
            old.Edit("联合攻关旧项目", "内容", [new BudgetLine("设备费", 10, 40)], [new Milestone("完成", DateOnly.FromDateTime(now.UtcDateTime), "报告")], [], [new AnqingTechTransfer.Domain.Experts.TeamMember("李工", "KEY-LI")]);
            ApplicationSteps.Award(old, oldProgramme.Terms, now.AddYears(-1).AddDays(1), 80, 40);
            db.ProjectApplications.Add(old);
            db.Projects.Add(Project.FromAward(old, DateOnly.FromDateTime(now.UtcDateTime).AddYears(-1), DateOnly.FromDateTime(now.UtcDateTime).AddYears(1),
                [new Tranche(1, 40m, "签订任务书", DateOnly.FromDateTime(now.UtcDateTime).AddYears(-1))], now, FundingMode.Unveiling));
            await db.SaveChangesAsync();
        });

        var programme = await ProgrammeAsync("联合项目回避测试专项", FundingMode.Crowdsourcing, fx.Clock.GetUtcNow().AddDays(10));
        var id = await DraftAsync("ent.b", programme, "联合项目回避测试项目");
        await fx.WithDbAsync(async (db, _) =>
        {
            var a = await db.ProjectApplications.SingleAsync(x => x.Id == id);
            a.Submit((await db.Programmes.SingleAsync(p => p.Id == programme)).Terms, fx.Clock.GetUtcNow());
            a.Recommend(true, null);
            a.RecordFormalCheck([]);
            await db.SaveChangesAsync();
        });

        var bureau = await fx.As("bureau");
        var panelUrl = (await bureau.PostFormAsync($"/projects/applications/{id}/panel", [], $"/projects/applications/{id}")).Headers.Location!.OriginalString;
        await bureau.Http.PostAsync(panelUrl + "/draw", new FormUrlEncodedContent(new List<KeyValuePair<string, string>>
        {
            // 蒋思源's fields: only a conflict can exclude him.
            new("FieldCodes", "02"), new("FieldCodes", "05"), new("Count", "1"), new("Reserves", "0"), new("PerEmployerCap", "25"), new("MinOutside", "0"), new("MinCredit", "0"),
            new("__RequestVerificationToken", await bureau.TokenAsync(panelUrl)),
        }));
        var stored = await fx.WithDbAsync((db, _) => db.ReviewPanels.AsNoTracking().SingleAsync(p => p.Id == Guid.Parse(panelUrl.Split('/').Last())));
        var expertB = await fx.WithDbAsync((db, _) => db.Experts.Where(e => e.Name == "蒋思源").Select(e => e.Id).SingleAsync());
        stored.Draw!.Result.Exclusions.Should().Contain(x => x.ExpertId == expertB && x.Reason.Contains("联合承担揭榜挂帅项目《联合攻关旧项目》"),
            "蒋思源 works at 北化工安庆研究院");
    }
}
