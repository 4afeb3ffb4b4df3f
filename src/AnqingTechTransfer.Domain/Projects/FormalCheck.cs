namespace AnqingTechTransfer.Domain.Projects;

public enum FormalCheckRule
{
    Deadline = 1,
    Cap = 2,
    Duplicate = 3,
    Sanction = 4,
    Infringer = 5,
    Attachments = 6,
    DirectedUnit = 7,
}

public sealed record FormalCheckFailure(FormalCheckRule Rule, string Reason);

/// <summary>What the formal check (形式审查) knows of the applicant beyond the application itself.</summary>
public sealed record ApplicantStanding(int OtherApplicationsThisCycle, bool HasSameTitleThisCycle, DateOnly? SanctionedUntil, bool OnInfringerList);

/// <summary>
/// 形式审查: the eligibility rules the bureau can test automatically, each failure with its reason. Deadlines are on the
/// server's clock.
/// </summary>
public static class FormalCheck
{
    /// <summary>Years a unit may not apply after one of its projects failed acceptance (counted from the project's end).</summary>
    public const int SanctionYears = 3;

    public static DateOnly? SanctionedUntil(DateOnly? lastFailedProjectEnd) => lastFailedProjectEnd?.AddYears(SanctionYears);

    /// <summary>The later of the bar after a failed acceptance and the last 限制申报 in force (ProjectSanction.BannedUntilOn).</summary>
    public static DateOnly? SanctionedUntil(DateOnly? lastFailedProjectEnd, DateOnly? bannedUntil) =>
        SanctionedUntil(lastFailedProjectEnd) is { } failed && (bannedUntil is null || failed > bannedUntil) ? failed : bannedUntil;

    public static IReadOnlyList<FormalCheckFailure> Evaluate(ProgrammeTerms programme, string applicantCreditCode, bool isEnterprise,
        DateTimeOffset submittedAt, IReadOnlyCollection<string> attachedKinds, ApplicantStanding standing, DateOnly today)
    {
        var failures = new List<FormalCheckFailure>();
        if (submittedAt >= programme.ClosesAt || submittedAt < programme.OpensAt)
        {
            failures.Add(new(FormalCheckRule.Deadline, "不在申报时间内提交"));
        }

        var cap = programme.CapFor(isEnterprise);
        if (standing.OtherApplicationsThisCycle >= cap)
        {
            failures.Add(new(FormalCheckRule.Cap, $"本单位本专项已申报 {standing.OtherApplicationsThisCycle} 项，超过限额 {cap} 项"));
        }

        if (standing.HasSameTitleThisCycle)
        {
            failures.Add(new(FormalCheckRule.Duplicate, "本年度已有同名项目申报，属重复申报"));
        }

        if (standing.SanctionedUntil is { } until && until >= today)
        {
            failures.Add(new(FormalCheckRule.Sanction, $"科研诚信处理期内（至 {until:yyyy-MM-dd}），不得申报"));
        }

        if (standing.OnInfringerList)
        {
            failures.Add(new(FormalCheckRule.Infringer, "列入重复侵权、故意侵权企业名录"));
        }

        var missing = programme.RequiredAttachments.Where(a => !attachedKinds.Contains(a)).ToList();
        if (missing.Count > 0)
        {
            failures.Add(new(FormalCheckRule.Attachments, "缺少附件：" + string.Join("、", missing)));
        }

        if (programme.Mode == FundingMode.Directed && !string.Equals(programme.DirectedCreditCode, applicantCreditCode, StringComparison.Ordinal))
        {
            failures.Add(new(FormalCheckRule.DirectedUnit, "定向委托专项只能由指定单位申报"));
        }

        return failures;
    }
}
