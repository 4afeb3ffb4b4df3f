using AnqingTechTransfer.Domain.Experts;
using AnqingTechTransfer.Domain.Projects;

namespace AnqingTechTransfer.Domain.Tests;

/// <summary>Issue 23 §1: 竞争后补助 (a subsidy for results already achieved) and 研发众包 (solutions compared, N accepted, the others told why).</summary>
public class ProjectModeTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 3, 1);
    private const string Code = "91340822MA2N005015";

    private static ProgrammeTerms PostTerms(decimal rate = 0.3m, decimal maxAward = 200m) =>
        new("新材料竞争后补助", FundingMode.PostSubsidy, 1000m, Now.AddDays(-10), Now.AddDays(20), 2, 2, true, ["申报书"], null, maxAward) { SubsidyRate = rate };

    private static ProgrammeTerms CrowdTerms(int n = 1, decimal budget = 300m) =>
        new("检测算法研发众包", FundingMode.Crowdsourcing, budget, Now.AddDays(-10), Now.AddDays(20), 2, 2, true, [], null, 200m)
        {
            AcceptanceCriteria = "识别准确率≥95%", AcceptedSolutions = n,
        };

    [Theory]
    [InlineData(0.3, 100, 200, 30)]
    [InlineData(0.3, 1000, 200, 200)] // capped at the programme's single award
    [InlineData(0.333, 10.01, 200, 3.33)] // 3.33333 → 0.01 万元
    [InlineData(0.25, 0.1, 200, 0.03)] // 0.025 → half away from zero
    [InlineData(1, 150, 200, 150)]
    public void The_subsidy_is_the_rate_times_the_eligible_spend_capped_and_rounded_to_a_hundredth(decimal rate, decimal eligible, decimal cap, decimal subsidy) =>
        PostSubsidies.Subsidy(rate, eligible, cap).Should().Be(subsidy);

    [Fact]
    public void A_post_subsidy_programme_needs_a_rate_above_zero_and_at_most_one_and_requires_the_audit_and_the_evidence()
    {
        foreach (var rate in new decimal?[] { null, 0m, -0.1m, 1.01m })
        {
            (PostTerms() with { SubsidyRate = rate }).Invoking(t => t.Validate()).Should().Throw<DomainException>().WithMessage("*补助比例*")
                .Which.Field.Should().Be(nameof(ProgrammeTerms.SubsidyRate));
        }

        var call = Call.Draft(2026, "指南", Now);
        var programme = call.AddProgramme(PostTerms(), Now);
        programme.Terms.RequiredAttachments.Should().Equal("申报书", PostSubsidies.AuditReport, PostSubsidies.Evidence);
    }

    [Fact]
    public void Declared_results_need_an_ended_period_in_the_past_and_eligible_spend_within_the_audited_spend()
    {
        AchievedResults Declare(DateOnly? from, DateOnly? to, decimal? audited, decimal? eligible) =>
            PostSubsidies.Declare(PostTerms(), "研制高纯电子级催化剂", "新产品、发明专利2项", from, to, audited, eligible, Today);

        var ok = Declare(Today.AddYears(-2), Today.AddMonths(-1), 500m, 400m);
        ok.Subsidy.Should().Be(120m);
        ((Action)(() => Declare(Today.AddYears(-1), Today, 500m, 400m))).Should().Throw<DomainException>().WithMessage("*申报之前结束*")
            .Which.Field.Should().Be("To");
        ((Action)(() => Declare(Today.AddYears(-1), Today.AddYears(-2), 500m, 400m))).Should().Throw<DomainException>().Which.Field.Should().Be("To");
        ((Action)(() => Declare(Today.AddYears(-2), Today.AddMonths(-1), 500m, 600m))).Should().Throw<DomainException>().WithMessage("*不能超过经审计*")
            .Which.Field.Should().Be("EligibleSpend");
        ((Action)(() => Declare(Today.AddYears(-2), Today.AddMonths(-1), 0m, 0m))).Should().Throw<DomainException>().Which.Field.Should().Be("AuditedSpend");
        ((Action)(() => Declare(Today.AddYears(-2), Today.AddMonths(-1), 1e20m, 400m))).Should().Throw<DomainException>().Which.Field.Should().Be("AuditedSpend");
        ((Action)(() => PostSubsidies.Declare(PostTerms(), " ", "专利", Today.AddYears(-2), Today.AddMonths(-1), 5m, 5m, Today))).Should()
            .Throw<DomainException>().Which.Field.Should().Be("Content");
        ((Action)(() => PostSubsidies.Declare(CrowdTerms(), "内容", "专利", Today.AddYears(-2), Today.AddMonths(-1), 5m, 5m, Today))).Should()
            .Throw<DomainException>("only a post-subsidy programme takes declared results");
    }

    [Fact]
    public void A_post_subsidy_application_is_submitted_without_budget_or_milestones_with_its_results_and_evidence_and_asks_the_computed_subsidy()
    {
        var terms = PostProgramme();
        var application = ProjectApplication.Draft(new Programme(Guid.NewGuid(), Guid.NewGuid(), terms), Guid.NewGuid(), "安庆华宁新材料科技有限公司", Code, "340822", true,
            null, Now);
        application.Edit("高纯催化剂成果后补助", "已完成中试并量产", [], [], [], [new TeamMember("张工", "KEY-ZHANG")]);
        application.Invoking(a => a.Submit(terms, Now)).Should().Throw<DomainException>().WithMessage("*已取得的成果*");
        application.DeclareResults(PostSubsidies.Declare(terms, "研制高纯电子级催化剂", "新产品", Today.AddYears(-2), Today.AddMonths(-1), 1000m, 800m, Today));
        application.Invoking(a => a.Submit(terms, Now)).Should().Throw<DomainException>().WithMessage($"*{PostSubsidies.AuditReport}*");
        application.Attach(PostSubsidies.AuditReport);
        application.Attach(PostSubsidies.Evidence);
        application.Submit(terms, Now);
        application.Status.Should().Be(ApplicationStatus.Submitted);
        application.Requested.Should().Be(200m, "0.3 × 800 = 240, capped at 200");
        application.Milestones.Should().BeEmpty();
    }

    [Fact]
    public void A_post_subsidy_is_decided_at_most_at_the_computed_subsidy_and_paid_once_in_full_which_ends_the_project()
    {
        var terms = PostProgramme();
        var application = ProjectApplication.Draft(new Programme(Guid.NewGuid(), Guid.NewGuid(), terms), Guid.NewGuid(), "安庆华宁新材料科技有限公司", Code, "340822", true,
            null, Now);
        application.Edit("高纯催化剂成果后补助", "已完成中试并量产", [], [], [PostSubsidies.AuditReport, PostSubsidies.Evidence], [new TeamMember("张工", "KEY-ZHANG")]);
        application.DeclareResults(PostSubsidies.Declare(terms, "研制高纯电子级催化剂", "新产品", Today.AddYears(-2), Today.AddMonths(-1), 300m, 250m, Today));
        application.Submit(terms, Now);
        application.Recommend(true, null);
        application.RecordFormalCheck([]);
        application.AssignPanel(Guid.NewGuid());
        application.RecordScore(86m);
        ProjectReview.StageFor(FundingMode.PostSubsidy).Should().Be(ReviewStage.Results);
        ProjectReview.Rubric(ReviewStage.Results).Select(r => r.Name).Should().Contain(["成果先进性", "经济效益", "研发投入真实性"]);
        application.Invoking(a => a.Decide(true, 75.01m, null, FundingMode.PostSubsidy)).Should().Throw<DomainException>().WithMessage("*75*");
        application.Decide(true, 70m, null, FundingMode.PostSubsidy);
        application.Award();

        application.Invoking(a => Project.FromAward(a, Today, Today.AddYears(1), [new Tranche(1, 70m, "x", Today)], Now, FundingMode.PostSubsidy))
            .Should().Throw<DomainException>().WithMessage("*不签订任务书*");
        var project = Project.FromSubsidy(application, Today, Now);
        project.Milestones.Should().BeEmpty();
        project.Tranches.Should().ContainSingle().Which.Amount.Should().Be(70m);
        project.StartsOn.Should().Be(Today.AddYears(-2));
        project.Invoking(p => p.AssignAcceptancePanel(Guid.NewGuid())).Should().Throw<DomainException>().WithMessage("*不再组织验收*");
        project.Invoking(p => p.Disburse(1, 30m, Today, "P-1")).Should().Throw<DomainException>().WithMessage("*一次性拨付*");
        project.Status.Should().Be(ProjectStatus.Running);
        project.Disburse(1, 70m, Today, "BZ-2026-001");
        project.Status.Should().Be(ProjectStatus.Concluded);
        project.Disbursed.Should().Be(70m);
        project.Conclusion.Should().Contain("一次性拨付").And.Contain("BZ-2026-001");
        project.Invoking(p => p.Disburse(1, 70m, Today, "P-2")).Should().Throw<DomainException>();
        project.IsReportOverdue(Today.AddYears(3)).Should().BeFalse();
    }

    [Fact]
    public void A_crowdsourcing_task_needs_acceptance_criteria_and_one_to_n_solutions()
    {
        (CrowdTerms() with { AcceptanceCriteria = " " }).Invoking(t => t.Validate()).Should().Throw<DomainException>().WithMessage("*验收标准*");
        (CrowdTerms(0)).Invoking(t => t.Validate()).Should().Throw<DomainException>().Which.Field.Should().Be(nameof(ProgrammeTerms.AcceptedSolutions));
        (CrowdTerms(ProgrammeTerms.MaxAcceptedSolutions + 1)).Invoking(t => t.Validate()).Should().Throw<DomainException>();
        CrowdTerms(3).Validate();
    }

    [Fact]
    public void The_bureau_accepts_at_most_n_solutions_within_the_budget_and_rejects_each_other_one_with_a_reason()
    {
        var terms = CrowdTerms(n: 1, budget: 300m);
        var (a, b, c) = (Solution(terms, "方案甲"), Solution(terms, "方案乙"), Solution(terms, "方案丙"));
        IReadOnlyList<ProjectApplication> all = [a, b, c];

        var after = terms.ClosesAt;
        CrowdSelection.Check(terms, all, [], 0, 0m, after.AddSeconds(-1)).Should().ContainSingle().Which.Message.Should().Contain("截止后才能比选");
        CrowdSelection.Check(terms, all, [new(a.Id, true, 100m, null)], 0, 0m, after).Where(e => e.Field == "Choice").Select(e => e.ApplicationId)
            .Should().BeEquivalentTo(new Guid?[] { b.Id, c.Id }, "every other solution needs its verdict");

        var tooMany = CrowdSelection.Check(terms, all, [new(a.Id, true, 100m, null), new(b.Id, true, 100m, null), new(c.Id, false, null, "精度不足")], 0, 0m, after);
        tooMany.Should().ContainSingle(e => e.ApplicationId == null).Which.Message.Should().Contain("最多采纳 1 个");

        var noReason = CrowdSelection.Check(terms, all, [new(a.Id, true, 100m, null), new(b.Id, false, null, " "), new(c.Id, false, null, "精度不足")], 0, 0m, after);
        noReason.Should().ContainSingle().Which.Should().Be(new SolutionError(b.Id, "Reason", "不予采纳须说明理由，理由将告知申报单位"));

        CrowdSelection.Check(terms, [a], [new(a.Id, true, 250m, null)], 0, 0m, after).Should().ContainSingle().Which.Field.Should().Be("Amount", "above the single cap");
        CrowdSelection.Check(CrowdTerms(2, 300m), [a, b], [new(a.Id, true, 200m, null), new(b.Id, true, 150m, null)], 0, 0m, after)
            .Should().ContainSingle().Which.Message.Should().Contain("超过专项预算");
        CrowdSelection.Check(terms, [a], [new(a.Id, true, 100m, null)], alreadyAccepted: 1, 100m, after).Should().ContainSingle().Which.Message.Should().Contain("已采纳 1 个");
        ((Action)(() => CrowdSelection.EnsureRoomFor(terms, 1))).Should().Throw<DomainException>().WithMessage("*最多采纳 1 个*");
        a.Invoking(x => x.RejectSolution(new string('长', CrowdSelection.MaxReasonLength + 1))).Should().Throw<DomainException>();

        List<SolutionVerdict> choice = [new(a.Id, true, 120m, null), new(b.Id, false, null, "未达到识别准确率95%的验收标准"), new(c.Id, false, null, "方案不完整")];
        CrowdSelection.Check(terms, all, choice, 0, 0m, after).Should().BeEmpty();
        CrowdSelection.Apply(all, choice);
        a.Status.Should().Be(ApplicationStatus.Approved);
        a.ApprovedAmount.Should().Be(120m);
        b.Status.Should().Be(ApplicationStatus.NotApproved);
        b.Remark.Should().Be("未被采纳：未达到识别准确率95%的验收标准");
        CrowdSelection.Check(CrowdTerms(2), all, [new(c.Id, true, 10m, null)], 1, 120m, after).Should().Contain(e => e.Field == "Decision", "a decided solution is decided");

        // Declining a solution from the ranking page is the same rule: the applicant is told why.
        var d = Solution(terms, "方案丁");
        d.AssignPanel(Guid.NewGuid());
        d.RecordScore(70m);
        d.Invoking(x => x.Decide(false, null, null, FundingMode.Crowdsourcing)).Should().Throw<DomainException>().WithMessage("*理由*");
        d.Decide(false, null, "成本过高", FundingMode.Crowdsourcing);
        d.Remark.Should().Be("未被采纳：成本过高");
    }

    /// <summary>A post-subsidy programme as a call adds it (rate 0.3, cap 200 万元, the mode's documents required).</summary>
    private static ProgrammeTerms PostProgramme() =>
        Call.Draft(2026, "指南", Now).AddProgramme(PostTerms() with { RequiredAttachments = [] }, Now).Terms;

    private static ProjectApplication Solution(ProgrammeTerms terms, string title)
    {
        var s = ProjectApplication.Draft(new Programme(Guid.NewGuid(), Guid.NewGuid(), terms), Guid.NewGuid(), "安庆某科技有限公司", Code, "340822", true, null, Now);
        s.Edit(title, "技术方案：基于深度学习的缺陷识别", [new BudgetLine("开发费", 10m, 100m)], [new Milestone("交付", Today.AddMonths(6), "样机")], [],
            [new TeamMember("李工", "KEY-LI")]);
        s.Submit(terms, Now);
        s.Recommend(true, null);
        s.RecordFormalCheck([]);
        return s;
    }
}
