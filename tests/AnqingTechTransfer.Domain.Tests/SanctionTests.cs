using AnqingTechTransfer.Domain.Experts;
using AnqingTechTransfer.Domain.Projects;

namespace AnqingTechTransfer.Domain.Tests;

/// <summary>Issue 23 §7: the rules of a sanction on a plan project.</summary>
public class SanctionTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 6, 1);
    private static readonly TeamMember Lead = new("蒋思源", "KEY-JIANG");

    private static Project Running(decimal paid = 40m)
    {
        var programme = new Programme(Guid.NewGuid(), Guid.NewGuid(), new ProgrammeTerms("专项", FundingMode.Directed, 500m, Now.AddDays(-30), Now.AddDays(-1), 1, 1, true, [], "91340882MA2N005025", 100m));
        var application = ProjectApplication.Draft(programme, Guid.NewGuid(), "舒源生物", "91340882MA2N005025", "340882", true, null, Now.AddDays(-20));
        application.Edit("项目", "内容", [new BudgetLine("设备费", 50, 80)], [new Milestone("中试", Today.AddMonths(6), "报告")], [], [Lead]);
        application.Submit(programme.Terms, Now.AddDays(-20));
        application.Recommend(true, null);
        application.RecordFormalCheck([]);
        application.AssignPanel(Guid.NewGuid());
        application.RecordScore(85);
        application.Decide(true, 80, null, FundingMode.Directed);
        application.Award();
        var project = Project.FromAward(application, Today.AddMonths(-3), Today.AddMonths(9), [new Tranche(1, 40m, "签订", Today.AddMonths(-3)), new Tranche(2, 40m, "验收", Today.AddMonths(9))], Now, FundingMode.Directed);
        if (paid > 0)
        {
            project.Disburse(1, paid, Today.AddMonths(-3), "凭证");
        }

        return project;
    }

    private static ProjectSanction Impose(Project project, SanctionKind kind, string? reason = "虚报费用", int? years = null, decimal? amount = null, DateOnly? due = null, string? person = null) =>
        ProjectSanction.Impose(project, "舒源生物", "91340882MA2N005025", [Lead], kind, reason, Today, years, amount, due, person, "bureau", Now);

    [Fact]
    public void A_ban_runs_its_years_from_the_decision_and_names_the_person_on_the_team()
    {
        var ban = Impose(Running(), SanctionKind.ApplicationBan, years: 2, person: "KEY-JIANG");
        ban.BannedUntil.Should().Be(Today.AddYears(2));
        ban.PersonName.Should().Be("蒋思源");
        ProjectSanction.BannedUntilOn([ban], Today.AddYears(1)).Should().Be(Today.AddYears(2));
        ProjectSanction.BannedUntilOn([ban], Today.AddYears(2).AddDays(1)).Should().BeNull("the ban is over");
        FluentActions.Invoking(() => Impose(Running(), SanctionKind.ApplicationBan, years: 6)).Should().Throw<DomainException>().Which.Field.Should().Be("BanYears");
        FluentActions.Invoking(() => Impose(Running(), SanctionKind.PublicCriticism, person: "KEY-OTHER")).Should().Throw<DomainException>().WithMessage("*团队成员*");
        FluentActions.Invoking(() => Impose(Running(), SanctionKind.PublicCriticism, reason: " ")).Should().Throw<DomainException>().Which.Field.Should().Be("Reason");
    }

    [Fact]
    public void A_recovery_is_at_most_what_was_paid_and_closes_when_all_is_back()
    {
        FluentActions.Invoking(() => Impose(Running(), SanctionKind.FundRecovery, amount: 41m, due: Today.AddMonths(3))).Should().Throw<DomainException>().WithMessage("*40 万元*");
        FluentActions.Invoking(() => Impose(Running(), SanctionKind.FundRecovery, amount: 10m, due: Today.AddDays(-1))).Should().Throw<DomainException>().Which.Field.Should().Be("RecoveryDueOn");
        var recovery = Impose(Running(), SanctionKind.FundRecovery, amount: 30m, due: Today.AddMonths(3));
        recovery.RecordRecovery(20m, Today.AddDays(10));
        recovery.IsRecoveryOpen.Should().BeTrue();
        FluentActions.Invoking(() => recovery.RecordRecovery(11m, Today.AddDays(20))).Should().Throw<DomainException>();
        recovery.RecordRecovery(10m, Today.AddDays(20));
        recovery.IsRecoveryOpen.Should().BeFalse();
        recovery.RecoveredOn.Should().Be(Today.AddDays(20));
    }

    [Fact]
    public void Termination_ends_the_contract_and_nothing_more_is_paid()
    {
        var project = Running();
        Impose(project, SanctionKind.Termination, reason: "未按任务书开展研发");
        project.Status.Should().Be(ProjectStatus.Terminated);
        FluentActions.Invoking(() => project.Disburse(2, 40m, Today, "凭证")).Should().Throw<DomainException>();
        FluentActions.Invoking(() => Impose(project, SanctionKind.Termination)).Should().Throw<DomainException>().WithMessage("*执行中*");
    }

    [Fact]
    public void A_persons_sanctions_of_the_last_three_years_cost_credit_in_the_expert_pool()
    {
        var sanctions = new[] { Impose(Running(), SanctionKind.PublicCriticism, person: "KEY-JIANG"), Impose(Running(), SanctionKind.ApplicationBan, years: 1, person: "KEY-JIANG") };
        ProjectSanction.PenaltyOn(sanctions, Today).Should().Be(2 * ProjectSanction.CreditPenalty);
        ProjectSanction.PenaltyOn(sanctions, Today.AddYears(3).AddDays(1)).Should().Be(0);
    }
}

public class ApplicationBarTests
{
    [Fact]
    public void The_bar_on_applying_is_the_later_of_a_failed_acceptance_and_a_ban()
    {
        var failedEnd = new DateOnly(2025, 6, 30); // barred until 2028-06-30
        FormalCheck.SanctionedUntil(failedEnd, null).Should().Be(new DateOnly(2028, 6, 30));
        FormalCheck.SanctionedUntil(null, new DateOnly(2027, 1, 1)).Should().Be(new DateOnly(2027, 1, 1));
        FormalCheck.SanctionedUntil(failedEnd, new DateOnly(2029, 1, 1)).Should().Be(new DateOnly(2029, 1, 1));
        FormalCheck.SanctionedUntil(failedEnd, new DateOnly(2027, 1, 1)).Should().Be(new DateOnly(2028, 6, 30));
        FormalCheck.SanctionedUntil(null, null).Should().BeNull();
    }
}
