using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Domain.Projects;

namespace AnqingTechTransfer.Domain.Tests;

public class ProjectTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 3, 1);
    private const string Code = "91340822MA2N005015";

    private static ProgrammeTerms Terms(FundingMode mode = FundingMode.Unveiling, int cap = 1, int enterpriseCap = 2, string? directed = null) =>
        new("新材料揭榜挂帅", mode, 1000m, Now.AddDays(-10), Now.AddDays(20), cap, enterpriseCap, true, ["申报书", "承诺书"], directed, 200m);

    private static Programme Programme(ProgrammeTerms? terms = null) => new(Guid.NewGuid(), Guid.NewGuid(), terms ?? Terms());

    private static ProjectApplication Filled(Programme programme, decimal requested = 150m, decimal own = 300m)
    {
        var application = ProjectApplication.Draft(programme, Guid.NewGuid(), "安庆华宁新材料科技有限公司", Code, "340822", true,
            programme.Terms.Mode == FundingMode.Unveiling ? Guid.NewGuid() : null, Now);
        application.Edit("绿色催化材料攻关", "研制新型催化剂", [new BudgetLine("设备费", own, requested)], [new Milestone("中试", Today.AddMonths(12), "中试报告")], ["申报书", "承诺书"], [new AnqingTechTransfer.Domain.Experts.TeamMember("张工", "KEY-ZHANG")]);
        return application;
    }

    private static ProjectApplication FilledFor(Programme programme, Guid poster)
    {
        var application = ProjectApplication.Draft(programme, Guid.NewGuid(), "安庆师范大学", Code, "340811", false, Guid.NewGuid(), Now, poster);
        application.Edit("揭榜项目", "内容", [new BudgetLine("设备费", 300m, 150m)], [new Milestone("中试", Today.AddMonths(12), "报告")], ["申报书", "承诺书"],
            [new AnqingTechTransfer.Domain.Experts.TeamMember("张工", "KEY-ZHANG")]);
        return application;
    }

    [Fact]
    public void A_programme_checks_its_terms_and_the_plan_loosens_the_cap_for_enterprises()
    {
        Terms().CapFor(isEnterprise: true).Should().Be(2);
        Terms().CapFor(isEnterprise: false).Should().Be(1);
        var backwards = () => (Terms() with { ClosesAt = Now.AddDays(-20) }).Validate();
        backwards.Should().Throw<DomainException>().WithMessage("*截止*");
        var directedWithoutUnit = () => Terms(FundingMode.Directed).Validate();
        directedWithoutUnit.Should().Throw<DomainException>().WithMessage("*指定承担单位*");
        var call = Call.Draft(2026, "2026年度市科技计划项目申报指南", Now);
        call.Invoking(c => c.Publish(Now)).Should().Throw<DomainException>("a call needs a programme");
        call.AddProgramme(Terms(), Now);
        call.Publish(Now);
        call.Invoking(c => c.AddProgramme(Terms(), Now)).Should().Throw<DomainException>();
    }

    [Fact]
    public void A_submission_after_the_deadline_on_the_server_clock_is_refused_with_the_deadline_in_the_message()
    {
        var programme = Programme();
        var late = Filled(programme);
        var submit = () => late.Submit(programme.Terms, programme.Terms.ClosesAt);
        submit.Should().Throw<DomainException>().WithMessage("*截止*");
        late.Status.Should().Be(ApplicationStatus.Draft);
        var onTime = Filled(programme);
        onTime.Submit(programme.Terms, programme.Terms.ClosesAt.AddSeconds(-1));
        onTime.Status.Should().Be(ApplicationStatus.Submitted);
    }

    [Fact]
    public void Submission_needs_budget_within_the_cap_milestones_and_for_post_subsidies_the_declared_results()
    {
        var programme = Programme();
        var tooMuch = Filled(programme, requested: 250m);
        tooMuch.Invoking(a => a.Submit(programme.Terms, Now)).Should().Throw<DomainException>().WithMessage("*上限*");
        var post = Programme(Terms(FundingMode.PostSubsidy) with { SubsidyRate = 0.3m });
        var noResults = Filled(post, own: 0);
        noResults.Invoking(a => a.Submit(post.Terms, Now)).Should().Throw<DomainException>().WithMessage("*已取得的成果*");
        var unveilingWithoutProblem = () => ProjectApplication.Draft(programme, Guid.NewGuid(), "x", Code, "340822", true, null, Now);
        unveilingWithoutProblem.Should().Throw<DomainException>().WithMessage("*榜单*");
    }

    [Fact]
    public void The_formal_check_names_every_failed_rule()
    {
        var failures = FormalCheck.Evaluate(Terms(FundingMode.Directed, directed: "91340800MA2N000017"), Code, isEnterprise: false, Now.AddDays(30), ["申报书"],
            new ApplicantStanding(1, true, Today.AddYears(1), true), Today);
        failures.Select(f => f.Rule).Should().BeEquivalentTo([FormalCheckRule.Deadline, FormalCheckRule.Cap, FormalCheckRule.Duplicate, FormalCheckRule.Sanction,
            FormalCheckRule.Infringer, FormalCheckRule.Attachments, FormalCheckRule.DirectedUnit]);
        failures.Single(f => f.Rule == FormalCheckRule.Attachments).Reason.Should().Contain("承诺书");

        FormalCheck.Evaluate(Terms(), Code, isEnterprise: true, Now, ["申报书", "承诺书"], new ApplicantStanding(1, false, Today.AddDays(-1), false), Today)
            .Should().BeEmpty("an enterprise may file two, and a sanction that ended yesterday no longer bars");
    }

    [Fact]
    public void An_application_moves_through_recommendation_check_review_decision_and_award_and_not_otherwise()
    {
        var programme = Programme();
        var a = Filled(programme);
        a.Invoking(x => x.Recommend(true, null)).Should().Throw<DomainException>("a draft is not recommended");
        a.Submit(programme.Terms, Now);
        a.Invoking(x => x.Recommend(false, " ")).Should().Throw<DomainException>("a return needs a reason");
        a.Recommend(false, "预算编制不规范");
        a.Status.Should().Be(ApplicationStatus.Returned);
        a.Submit(programme.Terms, Now);
        a.Recommend(true, null);
        a.RecordFormalCheck([]);
        a.Invoking(x => x.RecordScore(80)).Should().Throw<DomainException>("no panel yet");
        a.AssignPanel(Guid.NewGuid());
        a.RecordScore(82.5m);
        a.Invoking(x => x.Decide(true, 500m, null, FundingMode.Crowdsourcing)).Should().Throw<DomainException>("more than requested");
        a.Decide(true, 120m, "同意立项", FundingMode.Crowdsourcing);
        a.Award();
        a.Status.Should().Be(ApplicationStatus.Awarded);
    }

    [Fact]
    public void Publicity_lasts_working_days_takes_objections_and_ends_only_when_all_are_answered()
    {
        var calendar = new WorkingDayCalendar([new CalendarException(new DateOnly(2026, 10, 1), false, "国庆节"), new CalendarException(new DateOnly(2026, 10, 2), false, "国庆节")]);
        Publicity.LastDay(new DateOnly(2026, 9, 28), 5, calendar).Should().Be(new DateOnly(2026, 10, 6), "Mon–Wed, then the holiday and the weekend, then Mon–Tue");
        var publicity = Publicity.Open(Guid.NewGuid(), [Guid.NewGuid()], new DateOnly(2026, 9, 28), 5, calendar, Now);
        var objection = publicity.Object("某高校科研处 0556-1234567", "申报单位团队成员存在重复申报", new DateOnly(2026, 9, 30), Now);
        publicity.Invoking(p => p.Object("x", "y", new DateOnly(2026, 10, 7), Now)).Should().Throw<DomainException>("after the window");
        publicity.Invoking(p => p.End(new DateOnly(2026, 10, 6))).Should().Throw<DomainException>().WithMessage("*期满*");
        publicity.Invoking(p => p.End(new DateOnly(2026, 10, 7))).Should().Throw<DomainException>().WithMessage("*未答复*");
        publicity.Answer(objection.Id, "经核查，不属于重复申报", Now);
        publicity.End(new DateOnly(2026, 10, 7));
        publicity.Status.Should().Be(PublicityStatus.Ended);
    }

    [Theory]
    [InlineData(59.99, false)]
    [InlineData(60, true)]
    public void A_directed_commission_is_approved_only_when_the_expert_appraisal_passes(decimal appraisal, bool approvable)
    {
        var programme = Programme();
        var a = Filled(programme);
        a.Submit(programme.Terms, Now);
        a.Recommend(true, null);
        a.RecordFormalCheck([]);
        a.AssignPanel(Guid.NewGuid());
        a.RecordScore(appraisal);
        ProjectReview.StageFor(FundingMode.Directed).Should().Be(ReviewStage.Appraisal);
        ProjectReview.StageFor(FundingMode.Unveiling).Should().Be(ReviewStage.Selection);
        var approve = () => a.Decide(true, 100m, null, FundingMode.Directed);
        if (approvable)
        {
            approve();
            a.Status.Should().Be(ApplicationStatus.Approved);
        }
        else
        {
            approve.Should().Throw<DomainException>().WithMessage("*未通过论证*");
            a.Decide(false, null, "论证未通过", FundingMode.Directed);
            a.Status.Should().Be(ApplicationStatus.NotApproved, "a failed appraisal can still be declined");
        }
    }

    [Fact]
    public void The_panels_rubrics_add_up_to_a_hundred_points()
    {
        foreach (var stage in Enum.GetValues<ReviewStage>())
        {
            ProjectReview.Rubric(stage).Sum(r => r.MaxScore).Should().Be(100, stage.ToString());
        }
    }

    [Fact]
    public void Crowdsourcing_is_paid_after_acceptance_and_unveiling_after_the_posters_signature()
    {
        var post = Awarded(mode: FundingMode.Crowdsourcing);
        post.Invoking(p => p.Disburse(1, 72m, Today, "P-1")).Should().Throw<DomainException>().WithMessage("*验收通过后*");
        post.AssignAcceptancePanel(Guid.NewGuid());
        post.Accept(ProjectStatus.Passed, "通过", 85m);
        post.Disburse(1, 72m, Today, "P-1");

        var poster = Guid.NewGuid();
        var unveiling = Awarded(mode: FundingMode.Unveiling, poster: poster);
        unveiling.Invoking(p => p.Disburse(1, 10m, Today, "P-1")).Should().Throw<DomainException>().WithMessage("*三方协议*");
        unveiling.Invoking(p => p.SignAsPoster(Guid.NewGuid(), Now)).Should().Throw<DomainException>();
        unveiling.SignAsPoster(poster, Now);
        unveiling.Disburse(1, 10m, Today, "P-1");
    }

    private static Project Awarded(decimal amount = 120m, FundingMode mode = FundingMode.Directed, Guid? poster = null)
    {
        var programme = Programme();
        var a = poster is null ? Filled(programme) : FilledFor(programme, poster.Value);
        a.Submit(programme.Terms, Now);
        a.Recommend(true, null);
        a.RecordFormalCheck([]);
        a.AssignPanel(Guid.NewGuid());
        a.RecordScore(80);
        a.Decide(true, amount, null, mode);
        a.Award();
        return Project.FromAward(a, Today, Today.AddYears(2), [new Tranche(1, 72m, "签订任务书", Today), new Tranche(2, 48m, "通过中期检查", Today.AddYears(1))], Now, mode);
    }

    [Fact]
    public void Tranches_sum_to_the_award_and_are_paid_in_order_never_beyond_their_amount()
    {
        var wrongSum = () => Awarded(130m);
        wrongSum.Should().Throw<DomainException>().WithMessage("*之和*");
        var project = Awarded();
        project.Invoking(p => p.Disburse(2, 10m, Today, "P-1")).Should().Throw<DomainException>().WithMessage("*前期*");
        project.Disburse(1, 50m, Today, "P-1");
        project.Invoking(p => p.Disburse(1, 30m, Today, "P-2")).Should().Throw<DomainException>().WithMessage("*超出*");
        project.Disburse(1, 22m, Today, "P-2");
        project.Disburse(2, 48m, Today.AddYears(1), "P-3");
        project.Outstanding.Should().Be(0);
    }

    [Fact]
    public void Extensions_stay_within_a_year_one_change_is_open_at_a_time_and_acceptance_closes_the_project()
    {
        var project = Awarded();
        project.Invoking(p => p.RequestChange(ChangeKind.Extension, "设备到货延迟", project.EndsOn.AddMonths(13), Now)).Should().Throw<DomainException>().WithMessage("*1年*");
        var change = project.RequestChange(ChangeKind.Extension, "设备到货延迟", project.EndsOn.AddMonths(6), Now);
        project.Invoking(p => p.RequestChange(ChangeKind.Leader, "负责人调动", null, Now)).Should().Throw<DomainException>().WithMessage("*未审批*");
        project.DecideChange(change.Id, true, "同意延期6个月");
        project.EndsOn.Should().Be(Today.AddYears(2).AddMonths(6));
        project.Overdue(Today.AddYears(2)).Should().ContainSingle("the pilot milestone is past due");
        project.Invoking(p => p.Accept(ProjectStatus.Failed, "未完成主要指标", 40m)).Should().Throw<DomainException>().WithMessage("*验收专家组*");
        project.AssignAcceptancePanel(Guid.NewGuid());
        project.Invoking(p => p.AssignAcceptancePanel(Guid.NewGuid())).Should().Throw<DomainException>("one acceptance panel per project");
        project.Invoking(p => p.Accept(ProjectStatus.Passed, " ", 80m)).Should().Throw<DomainException>();
        project.Invoking(p => p.Accept(ProjectStatus.Passed, "基本完成", 55m)).Should().Throw<DomainException>().WithMessage("*只能作出“不通过”*");
        project.Invoking(p => p.Accept(ProjectStatus.Concluded, "基本完成", 59.99m)).Should().Throw<DomainException>();
        project.Accept(ProjectStatus.Failed, "未完成主要指标", 55m);
        project.AcceptanceScore.Should().Be(55m);
        project.Invoking(p => p.Disburse(1, 1m, Today, "x")).Should().Throw<DomainException>();
        project.Overdue(Today.AddYears(3)).Should().BeEmpty();
    }

    [Fact]
    public void The_ranking_orders_by_score_and_draws_the_budget_line_where_requests_add_up_past_the_budget()
    {
        var programme = Programme();
        ProjectApplication Reviewed(decimal score, decimal requested)
        {
            var a = Filled(programme, requested: requested);
            a.Submit(programme.Terms, Now);
            a.Recommend(true, null);
            a.RecordFormalCheck([]);
            a.AssignPanel(Guid.NewGuid());
            a.RecordScore(score);
            return a;
        }

        var ranked = ProgrammeRanking.Rank([Reviewed(70, 200), Reviewed(90, 200), Reviewed(80, 200), Reviewed(60, 200), Reviewed(85, 200), Reviewed(88, 150)], 1000m);
        ranked.Select(r => r.Application.Score).Should().Equal(90m, 88m, 85m, 80m, 70m, 60m);
        ranked.Select(r => r.Cumulative).Should().Equal(200m, 350m, 550m, 750m, 950m, 1150m);
        ranked.Select(r => r.WithinBudget).Should().Equal(true, true, true, true, true, false);
        ranked[0].Rank.Should().Be(1);
    }

    [Fact]
    public void The_mid_term_report_is_overdue_after_the_midpoint_until_one_is_filed()
    {
        var project = Awarded();
        project.IsReportOverdue(Today.AddMonths(11)).Should().BeFalse("the two-year project's midpoint is a year in");
        project.IsReportOverdue(Today.AddMonths(13)).Should().BeTrue();
        project.Report("完成小试", Today.AddMonths(13), Now);
        project.IsReportOverdue(Today.AddMonths(13)).Should().BeFalse();
    }

    [Fact]
    public void The_enterprise_led_share_counts_tackling_projects_only_and_warns_below_seventy_percent()
    {
        var (led, total, share, below) = EnterpriseLead.Share([(true, true), (true, true), (false, true), (false, false), (false, false)]);
        (led, total).Should().Be((2, 3));
        share.Should().BeApproximately(0.667m, 0.001m);
        below.Should().BeTrue();
        EnterpriseLead.Share([(true, true), (true, true), (true, true), (false, true)]).Below.Should().BeFalse();
        EnterpriseLead.Share([]).Share.Should().BeNull();
    }

    [Fact]
    public void A_problem_is_screened_by_its_county_and_listed_only_on_an_unveiling_programme()
    {
        var problem = Problem.Propose(Guid.NewGuid(), "安庆华宁新材料科技有限公司", "340822", "高选择性催化剂", "现有催化剂选择性低", "选择性≥95%", 300m, Today.AddYears(1), Today, Now);
        problem.Invoking(p => p.List(Programme())).Should().Throw<DomainException>("not yet screened");
        problem.Screen(true, null);
        problem.Invoking(p => p.List(Programme(Terms(FundingMode.Crowdsourcing)))).Should().Throw<DomainException>();
        problem.List(Programme());
        problem.Status.Should().Be(ProblemStatus.Listed);
        var past = () => Problem.Propose(Guid.NewGuid(), "x", "340822", "t", "d", "g", 1m, Today, Today, Now);
        past.Should().Throw<DomainException>().WithMessage("*期限*");
    }

    [Fact]
    public void A_problem_is_taken_once_from_the_list_and_only_from_it()
    {
        var problem = Problem.Propose(Guid.NewGuid(), "安庆华宁新材料科技有限公司", "340822", "高选择性催化剂", "现有催化剂选择性低", "选择性≥95%", 300m, Today.AddYears(1), Today, Now);
        problem.Invoking(p => p.MarkTaken()).Should().Throw<DomainException>("a problem not on the list cannot be taken");
        problem.Screen(true, null);
        problem.List(Programme());
        problem.MarkTaken();
        problem.Status.Should().Be(ProblemStatus.Taken);
        problem.Invoking(p => p.MarkTaken()).Should().Throw<DomainException>().WithMessage("*不在榜单*");
    }

    [Fact]
    public void The_enterprise_that_posted_a_problem_cannot_apply_for_it()
    {
        var programme = Programme();
        var poster = Guid.NewGuid();
        var own = () => ProjectApplication.Draft(programme, poster, "安庆华宁新材料科技有限公司", Code, "340822", true, Guid.NewGuid(), Now, poster);
        own.Should().Throw<DomainException>().WithMessage("发榜企业不能揭自己发布的榜*");
        ProjectApplication.Draft(programme, Guid.NewGuid(), "安庆师范大学", Code, "340811", false, Guid.NewGuid(), Now, poster).PosterOrganizationId.Should().Be(poster);
    }

    [Fact]
    public void A_directed_programme_takes_an_application_only_from_its_directed_unit()
    {
        var programme = Programme(Terms(FundingMode.Directed, directed: "91340800MA2N000017"));
        var other = () => ProjectApplication.Draft(programme, Guid.NewGuid(), "安庆华宁新材料科技有限公司", Code, "340822", true, null, Now);
        other.Should().Throw<DomainException>().WithMessage("定向委托专项只能由指定单位申报*");
        ProjectApplication.Draft(programme, Guid.NewGuid(), "北京化工大学安庆研究院", "91340800MA2N000017", "340871", false, null, Now).Status.Should().Be(ApplicationStatus.Draft);
    }

    private static (Publicity Publicity, Guid Objection, Guid A, Guid B) Objected()
    {
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        var publicity = Publicity.Open(Guid.NewGuid(), [a, b], new DateOnly(2026, 9, 14), 5, new WorkingDayCalendar([]), Now);
        var objection = publicity.Object("某高校科研处 0556-1234567", "申报单位团队成员存在重复申报", new DateOnly(2026, 9, 15), Now);
        return (publicity, objection.Id, a, b);
    }

    [Fact]
    public void An_upheld_objection_holds_an_application_and_the_publicity_cannot_end_until_the_hold_is_resolved()
    {
        var (publicity, objection, a, b) = Objected();
        publicity.Invoking(p => p.Answer(objection, "成立", Now, ObjectionEffect.Hold, Guid.NewGuid())).Should().Throw<DomainException>("not a listed application");
        publicity.Invoking(p => p.Answer(objection, "成立", Now, ObjectionEffect.Hold)).Should().Throw<DomainException>().WithMessage("*涉及的公示项目*");
        publicity.Answer(objection, "经初步核查，反映的重复申报情况属实，暂缓立项", Now, ObjectionEffect.Hold, a);
        publicity.StateOf(a).Should().Be(ListingState.Held);
        publicity.StateOf(b).Should().Be(ListingState.Listed);
        publicity.Held.Should().Equal(a);
        publicity.Invoking(p => p.End(new DateOnly(2026, 9, 21))).Should().Throw<DomainException>().WithMessage("*暂缓立项*");

        publicity.Invoking(p => p.Resolve(b, true, "理由", Now)).Should().Throw<DomainException>("only a held application is resolved");
        publicity.Invoking(p => p.Resolve(a, true, " ", Now)).Should().Throw<DomainException>().WithMessage("*核查结论*");
        publicity.Resolve(a, true, "经核查，两项目研究内容不同，不属于重复申报", Now).Should().Be(ListingState.Reinstated);
        publicity.End(new DateOnly(2026, 9, 21));
        publicity.ToAward.Should().Equal(a, b);
        publicity.Invoking(p => p.Resolve(a, false, "x", Now)).Should().Throw<DomainException>().WithMessage("公示已结束");
    }

    [Fact]
    public void An_application_removed_by_an_upheld_objection_is_not_awarded()
    {
        var (publicity, objection, a, b) = Objected();
        publicity.Answer(objection, "核查属实，暂缓立项", Now, ObjectionEffect.Hold, a);
        publicity.Resolve(a, false, "与已立项项目重复申报，撤销立项", Now).Should().Be(ListingState.Removed);
        publicity.LatestDecision(a)!.Reason.Should().Be("与已立项项目重复申报，撤销立项");
        publicity.End(new DateOnly(2026, 9, 21));
        publicity.ToAward.Should().Equal(b);

        var (direct, second, c, _) = Objected();
        direct.Answer(second, "重复申报属实，撤销立项", Now, ObjectionEffect.Remove, c);
        direct.StateOf(c).Should().Be(ListingState.Removed);
        direct.Held.Should().BeEmpty();
        direct.Invoking(p => p.Answer(second, "再答复", Now, ObjectionEffect.Hold, c)).Should().Throw<DomainException>().WithMessage("*已撤销*");

        var programme = Programme(Terms(FundingMode.Crowdsourcing));
        var application = Filled(programme);
        application.Invoking(x => x.RemoveAfterObjection("重复申报")).Should().Throw<DomainException>("only an approved application is on the publicity");
        application.Submit(programme.Terms, Now);
        application.Recommend(true, null);
        application.RecordFormalCheck([]);
        application.AssignPanel(Guid.NewGuid());
        application.RecordScore(85m);
        application.Decide(true, 120m, null, FundingMode.Crowdsourcing);
        application.RemoveAfterObjection("重复申报");
        application.Status.Should().Be(ApplicationStatus.NotApproved);
        application.ApprovedAmount.Should().BeNull();
        application.Remark.Should().Contain("公示异议成立").And.Contain("重复申报");
        application.Invoking(x => x.Award()).Should().Throw<DomainException>();
    }
}
