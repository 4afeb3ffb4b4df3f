using AnqingTechTransfer.Domain.Audit;
using AnqingTechTransfer.Domain.Experts;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Web.Features.Experts;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Data.Seed;

/// <summary>
/// The demo's municipal S&amp;T plan (issue 23): one published call with a programme of each of the four modes, so a newcomer
/// can walk each one, and applications at several stages —
/// <list type="bullet">
/// <item>揭榜挂帅: 华宁新材料's problem on the 榜单, and 北化工安庆研究院's application to it, submitted, waiting for 高新区's
/// recommendation (park.gxq);</item>
/// <item>定向委托: 安庆师范大学 as the directed unit, recommended, waiting for the bureau's formal check;</item>
/// <item>研发众包: a task whose window has closed, with two eligible solutions (舒源生物, 华宁新材料): the first has a panel drawn
/// with expert.a (chief) and expert.b seated, to declare, read and score; the second's panel waits to be drawn;</item>
/// <item>竞争后补助: 华宁新材料's draft with its declared results and the subsidy computed from them.</item>
/// </list>
/// Nothing here is awarded, so no demo unit has a joint project that would exclude a demo expert from another review.
/// </summary>
public static class DemoProjectSeed
{
    public const string CallTitle = "2026年度安庆市科技计划项目申报指南";

    public static async Task RunAsync(PortalDbContext db, PersonalDataProtector ids, IReadOnlyDictionary<string, Guid> organizations, IReadOnlyDictionary<string, Guid> users,
        DateTimeOffset now)
    {
        if (await db.ProjectCalls.AnyAsync())
        {
            return;
        }

        var today = DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(8)).DateTime);
        var orgs = await db.Organizations.Where(o => organizations.Values.Contains(o.Id)).ToDictionaryAsync(o => o.Id);
        Organization Org(string key) => orgs[organizations[key]];
        var (entA, entB, aqnu, buct) = (Org("ent-a"), Org("ent-b"), Org("aqnu"), Org("buct"));

        var call = Call.Draft(2026, CallTitle, now.AddDays(-40), """
            为贯彻《安庆市科技成果转化应用体系建设行动方案》，围绕新材料、生命健康、高端装备等重点产业，组织实施2026年度市科技计划项目。
            本年度设揭榜挂帅、定向委托、研发众包、竞争后补助四类专项，企业牵头承担的科技攻关项目比例不低于70%。
            申报单位须在本平台注册并通过审核，按各专项要求填写申报书、上传附件，经所在县（市、区）或园区科技管理部门推荐后报送。
            """);
        var window = (Opens: now.AddDays(-30), Closes: now.AddDays(20));
        var unveiling = call.AddProgramme(new ProgrammeTerms("关键核心技术攻关（揭榜挂帅）", FundingMode.Unveiling, 1000m, window.Opens, window.Closes, 1, 2, true,
            ["申报书"], null, 300m), now.AddDays(-40));
        var directed = call.AddProgramme(new ProgrammeTerms("新型储能材料中试平台（定向委托）", FundingMode.Directed, 300m, window.Opens, window.Closes, 1, 1, true,
            ["申报书"], aqnu.CreditCode, 300m), now.AddDays(-40));
        var crowd = call.AddProgramme(new ProgrammeTerms("化工园区智能巡检算法（研发众包）", FundingMode.Crowdsourcing, 200m, now.AddDays(-40), now.AddDays(-5), 1, 2, true,
            [], null, 100m) { AcceptanceCriteria = "在园区实测数据集上识别准确率不低于95%，单帧推理不超过200毫秒，提供可部署的软件和技术报告。", AcceptedSolutions = 1 },
            now.AddDays(-40));
        var post = call.AddProgramme(new ProgrammeTerms("企业研发成果后补助（竞争后补助）", FundingMode.PostSubsidy, 500m, window.Opens, window.Closes, 1, 2, false,
            ["申报书"], null, 100m) { SubsidyRate = 0.3m }.WithModeAttachments(), now.AddDays(-40));
        call.Publish(now.AddDays(-35));
        db.ProjectCalls.Add(call);

        async Task<TeamMember> Member(string name, string idNumber) => new(name, await ids.KeyOfAsync(PersonalIds.CompleteIdNumber(idNumber), CancellationToken.None));
        var due = today.AddYears(1);

        // 揭榜挂帅: 华宁新材料's problem, screened by 怀宁县 and listed; 北化工安庆研究院 applies to it.
        var problem = Problem.Propose(entA.Id, entA.Name, entA.RegionCode, "光刻胶用高纯树脂金属离子控制技术",
            "现有树脂金属离子含量在10ppb左右，不能满足KrF光刻胶要求，需要开发深度纯化工艺。", "钠、钾、铁等金属离子均低于1ppb；批量稳定生产。", 200m,
            today.AddDays(60), today.AddDays(-30), now.AddDays(-30));
        problem.Screen(true, "企业需求明确，配套资金已落实。");
        problem.List(unveiling);
        db.Problems.Add(problem);
        var unveiled = ProjectApplication.Draft(unveiling, buct.Id, buct.Name, buct.CreditCode, buct.RegionCode, false, problem.Id, now.AddDays(-12), entA.Id);
        unveiled.Edit("光刻胶树脂金属离子深度纯化技术", "采用螯合树脂与膜分离耦合工艺，建设百公斤级中试线。",
            [new BudgetLine("设备费", 60m, 120m), new BudgetLine("材料费", 20m, 60m), new BudgetLine("人员劳务费", 10m, 40m)],
            [new Milestone("小试工艺定型", due.AddMonths(-6), "小试报告"), new Milestone("中试验证", due, "中试报告和检测报告")], [],
            [await Member("韩卓", "34081119820315201"), await Member("邵宁", "34081119880622302")]);
        unveiled.Submit(unveiling.Terms, now.AddDays(-10));

        // 定向委托: 安庆师范大学, recommended by 宜秀区, waiting for the formal check.
        var appraised = ProjectApplication.Draft(directed, aqnu.Id, aqnu.Name, aqnu.CreditCode, aqnu.RegionCode, false, null, now.AddDays(-15));
        appraised.Edit("钠离子电池正极材料中试平台建设", "建设年产10吨层状氧化物正极材料中试线，向本地企业开放。",
            [new BudgetLine("设备费", 80m, 200m), new BudgetLine("材料费", 20m, 60m)], [new Milestone("中试线建成", due, "验收报告")], [],
            [await Member("鲁文", "34081119790411403")]);
        appraised.Submit(directed.Terms, now.AddDays(-14));
        appraised.Recommend(true, null);

        // 研发众包: two solutions, eligible after the window closed.
        var solutions = new[] { (entB, "基于多光谱融合的管廊泄漏识别方案", "34081119900115511"), (entA, "轻量化视觉模型的储罐区巡检方案", "34081119900116522") };
        var crowdApps = new List<ProjectApplication>();
        foreach (var (org, title, idNumber) in solutions)
        {
            var a = ProjectApplication.Draft(crowd, org.Id, org.Name, org.CreditCode, org.RegionCode, true, null, now.AddDays(-25));
            a.Edit(title, org == entA ? "以轻量化目标检测模型识别储罐区跑冒滴漏和人员违规，在园区实测数据集上准确率96%，单帧推理120毫秒，已在两个厂区试运行。" : "融合红外与可见光图像识别管廊泄漏，在园区实测数据集上准确率97%，单帧推理150毫秒，已在一个厂区试运行。", [new BudgetLine("人员劳务费", 30m, 80m), new BudgetLine("测试化验加工费", 10m, 20m)],
                [new Milestone("部署验收", due, "软件和技术报告")], [], [await Member(org == entA ? "储工" : "苏工", idNumber)]);
            a.Submit(crowd.Terms, now.AddDays(-20));
            a.Recommend(true, null);
            a.RecordFormalCheck([]);
            crowdApps.Add(a);
        }

        // 竞争后补助: 华宁新材料's draft with the results already achieved.
        var subsidy = ProjectApplication.Draft(post, entA.Id, entA.Name, entA.CreditCode, entA.RegionCode, true, null, now.AddDays(-3));
        subsidy.Edit("电子级环氧树脂研发成果后补助", "已完成电子级环氧树脂研发并实现量产。", [], [], [], [await Member("冯工", "34082219850909504")]);
        subsidy.DeclareResults(PostSubsidies.Declare(post.Terms, "研制电子级环氧树脂，氯含量低于300ppm，已通过两家下游企业认证并量产。", "新产品、发明专利2项",
            today.AddYears(-2), today.AddMonths(-2), 500m, 420m, today));
        db.ProjectApplications.AddRange(unveiled, appraised, subsidy);
        db.ProjectApplications.AddRange(crowdApps);

        // The panels of the two solutions; the first one drawn with the two demo experts who can sign in.
        var bureauUser = users["bureau"];
        var panels = crowdApps.Select(a => ProjectReview.PanelFor(ReviewStage.Selection, a, [], today.AddDays(7), bureauUser, now.AddDays(-4))).ToList();
        for (var i = 0; i < panels.Count; i++)
        {
            crowdApps[i].AssignPanel(panels[i].Id);
        }

        var seated = await db.Experts.Where(e => e.UserId == users["expert.a"] || e.UserId == users["expert.b"]).OrderBy(e => e.Name).ToListAsync();
        var criteria = new DrawCriteria([.. seated.SelectMany(e => e.Profile.FieldCodes).Distinct().Order()], ExpertTypes.None, seated.Count, 0, 5, 0, 0, panels[0].ReviewDate);
        var pool = seated.Select(e => new Candidate(e.Id, e.Profile.EmployerCreditCode, e.Profile.FieldCodes, e.Profile.Types, e.Profile.IsLocal, 100, true)).ToList();
        var record = ExpertDraw.Run(20261206, criteria, pool, []);
        panels[0].RecordDraw(record, seated.ToDictionary(e => e.Id, e => e.UserId), now.AddDays(-3));
        panels[0].DesignateChief(panels[0].Members.Single(m => m.ExpertUserId == users["expert.a"]).Id);
        var snapshot = new DrawSnapshotRecord(panels[0].Id, new DrawSnapshot(pool, []).Canonical(), now.AddDays(-3));
        db.DrawSnapshots.Add(snapshot);
        db.Audit(DrawLog.Action, AuditOutcome.Success, nameof(ReviewPanel), panels[0].Id.ToString(), DrawLog.Of(record, snapshot.Hash).Details(pool.Count, 0, 0),
            bureauUser, "bureau");
        db.ReviewPanels.AddRange(panels);
        await db.SaveChangesAsync();
    }
}
