namespace AnqingTechTransfer.Domain.Projects;

/// <summary>
/// 竞争后补助: what the applicant already achieved at its own cost — the content and form of the results, the R&amp;D
/// period (over before it applies), the audited R&amp;D spend of that period and the part of it eligible for the subsidy
/// (万元) — and the subsidy that follows from the programme's rate and cap.
/// </summary>
public sealed record AchievedResults(string Content, string ResultForm, DateOnly From, DateOnly To, decimal AuditedSpend, decimal EligibleSpend, decimal Subsidy);

/// <summary>The rules of 竞争后补助 (ex-post subsidy, 财教〔2013〕433号 事后立项事后补助): the subsidy is rate × eligible spend, capped; paid once.</summary>
public static class PostSubsidies
{
    public const string AuditReport = "专项审计报告";
    public const string Evidence = "成果证明材料";
    public static readonly IReadOnlyList<string> RequiredKinds = [AuditReport, Evidence];

    /// <summary>No plan project's R&amp;D spend reaches 100亿元 (1,000,000 万元): a larger figure is a typing error.</summary>
    public const decimal MaxSpend = 1_000_000m;

    /// <summary>min(rate × eligible spend, the programme's single-award cap), rounded to 0.01 万元 (half away from zero).</summary>
    public static decimal Subsidy(decimal rate, decimal eligibleSpend, decimal maxAward)
    {
        if (rate is <= 0m or > 1m)
        {
            throw new DomainException("补助比例应大于0且不超过1", nameof(ProgrammeTerms.SubsidyRate));
        }

        if (eligibleSpend < 0m)
        {
            throw new DomainException("可补助支出不能为负数", nameof(AchievedResults.EligibleSpend));
        }

        return Math.Min(Math.Round(rate * eligibleSpend, 2, MidpointRounding.AwayFromZero), maxAward);
    }

    /// <summary>The declared results, checked, with the subsidy they give under the programme's terms. Each broken rule names its field.</summary>
    public static AchievedResults Declare(ProgrammeTerms terms, string? content, string? resultForm, DateOnly? from, DateOnly? to, decimal? auditedSpend,
        decimal? eligibleSpend, DateOnly today)
    {
        if (terms.Mode != FundingMode.PostSubsidy)
        {
            throw new DomainException("只有竞争后补助专项申报已取得的成果");
        }

        if (terms.SubsidyRate is not { } rate)
        {
            throw new DomainException("本专项未设定补助比例，请联系市科技局");
        }

        if (string.IsNullOrWhiteSpace(content))
        {
            throw new DomainException("请填写已完成的研发内容和取得的成果", nameof(AchievedResults.Content));
        }

        if (string.IsNullOrWhiteSpace(resultForm))
        {
            throw new DomainException("请填写成果形式（如新产品、专利、标准、软件著作权）", nameof(AchievedResults.ResultForm));
        }

        if (from is not { } start)
        {
            throw new DomainException("请填写研发起始日期", nameof(AchievedResults.From));
        }

        if (to is not { } end || end <= start)
        {
            throw new DomainException("研发结束日期应晚于起始日期", nameof(AchievedResults.To));
        }

        if (end >= today)
        {
            throw new DomainException("竞争后补助只补助已完成的研发，研发期间应在申报之前结束", nameof(AchievedResults.To));
        }

        if (auditedSpend is not { } audited || audited <= 0m || audited > MaxSpend)
        {
            throw new DomainException($"经审计的研发投入应大于0且不超过{MaxSpend:#,##0}万元", nameof(AchievedResults.AuditedSpend));
        }

        if (eligibleSpend is not { } eligible || eligible <= 0m)
        {
            throw new DomainException("可补助支出应大于0", nameof(AchievedResults.EligibleSpend));
        }

        if (eligible > audited)
        {
            throw new DomainException($"可补助支出 {eligible:0.##} 万元不能超过经审计的研发投入 {audited:0.##} 万元", nameof(AchievedResults.EligibleSpend));
        }

        return new AchievedResults(content.Trim(), resultForm.Trim(), start, end, audited, eligible, Subsidy(rate, eligible, terms.MaxAward));
    }
}

/// <summary>The bureau's verdict on one 研发众包 solution: accepted with an amount, or not, with the reason its applicant is told.</summary>
public sealed record SolutionVerdict(Guid ApplicationId, bool Accept, decimal? Amount, string? Reason);

/// <summary>A broken rule on one solution's row (or the whole choice: no application id).</summary>
public sealed record SolutionError(Guid? ApplicationId, string Field, string Message);

/// <summary>
/// 研发众包: after the window the bureau compares the solutions side by side, accepts at most the task's N (each with an
/// amount, within the single-award cap, the sum within the budget) and rejects each other one with a reason.
/// </summary>
public static class CrowdSelection
{
    public const int MaxReasonLength = 400;

    /// <summary>Solutions the bureau may still decide on: past the formal check, reviewed or not.</summary>
    public static bool IsOpen(ProjectApplication solution) => solution.Status is ApplicationStatus.Eligible or ApplicationStatus.Reviewed;

    /// <summary>Every broken rule of a choice, so each shows next to its row; empty when the choice may be applied.</summary>
    /// <param name="solutions">the solutions on the page: each one still open needs a verdict</param>
    /// <param name="alreadyAccepted">solutions of the task accepted before (拟立项 or 已立项)</param>
    /// <param name="alreadyAwarded">their amounts</param>
    public static IReadOnlyList<SolutionError> Check(ProgrammeTerms terms, IReadOnlyList<ProjectApplication> solutions, IReadOnlyList<SolutionVerdict> verdicts,
        int alreadyAccepted, decimal alreadyAwarded, DateTimeOffset now)
    {
        var errors = new List<SolutionError>();
        if (terms.Mode != FundingMode.Crowdsourcing)
        {
            return [new SolutionError(null, string.Empty, "只有研发众包专项进行方案比选")];
        }

        if (now < terms.ClosesAt)
        {
            return [new SolutionError(null, string.Empty,
                $"方案征集于 {terms.ClosesAt.ToOffset(TimeSpan.FromHours(8)):yyyy年M月d日 HH:mm} 截止，截止后才能比选方案")];
        }

        if (verdicts.GroupBy(v => v.ApplicationId).Any(g => g.Count() > 1))
        {
            return [new SolutionError(null, string.Empty, "同一方案只能作出一个决定")];
        }

        foreach (var undecided in solutions.Where(s => IsOpen(s) && verdicts.All(v => v.ApplicationId != s.Id)))
        {
            errors.Add(new SolutionError(undecided.Id, "Choice", "请选择采纳或不予采纳"));
        }

        foreach (var verdict in verdicts)
        {
            var solution = solutions.FirstOrDefault(s => s.Id == verdict.ApplicationId);
            if (solution is null || !IsOpen(solution))
            {
                errors.Add(new SolutionError(verdict.ApplicationId, "Decision", "该方案不在待决定之列"));
            }
            else if (verdict.Accept && (verdict.Amount is not { } amount || amount <= 0m || amount > terms.MaxAward))
            {
                errors.Add(new SolutionError(verdict.ApplicationId, "Amount", $"采纳金额应大于0且不超过单项上限 {terms.MaxAward:#,##0.##} 万元"));
            }
            else if (!verdict.Accept && string.IsNullOrWhiteSpace(verdict.Reason))
            {
                errors.Add(new SolutionError(verdict.ApplicationId, "Reason", "不予采纳须说明理由，理由将告知申报单位"));
            }
            else if (!verdict.Accept && verdict.Reason!.Trim().Length > MaxReasonLength)
            {
                errors.Add(new SolutionError(verdict.ApplicationId, "Reason", $"理由不能超过{MaxReasonLength}个字"));
            }
        }

        var accepted = verdicts.Where(v => v.Accept).ToList();
        if (alreadyAccepted + accepted.Count > terms.AcceptedSolutions)
        {
            errors.Add(new SolutionError(null, string.Empty,
                $"本任务最多采纳 {terms.AcceptedSolutions} 个方案{(alreadyAccepted > 0 ? $"（已采纳 {alreadyAccepted} 个）" : "")}，本次选择了 {accepted.Count} 个"));
        }

        var sum = alreadyAwarded + accepted.Sum(v => v.Amount is { } a && a > 0m ? a : 0m);
        if (sum > terms.Budget)
        {
            errors.Add(new SolutionError(null, string.Empty, $"采纳金额合计 {sum:#,##0.##} 万元，超过专项预算 {terms.Budget:#,##0.##} 万元"));
        }

        return errors;
    }

    /// <summary>An acceptance outside the side-by-side page (the ranking page) still keeps to the task's N.</summary>
    public static void EnsureRoomFor(ProgrammeTerms terms, int alreadyAccepted)
    {
        if (terms.Mode == FundingMode.Crowdsourcing && alreadyAccepted >= terms.AcceptedSolutions)
        {
            throw new DomainException($"本任务最多采纳 {terms.AcceptedSolutions} 个方案，已采纳 {alreadyAccepted} 个");
        }
    }

    /// <summary>Applies a checked choice: accepted → 拟立项 with its amount; rejected → 未立项 with "未被采纳：reason".</summary>
    public static void Apply(IReadOnlyList<ProjectApplication> solutions, IReadOnlyList<SolutionVerdict> verdicts)
    {
        foreach (var verdict in verdicts)
        {
            var solution = solutions.Single(s => s.Id == verdict.ApplicationId);
            if (verdict.Accept)
            {
                solution.AcceptSolution(verdict.Amount!.Value);
            }
            else
            {
                solution.RejectSolution(verdict.Reason!);
            }
        }
    }
}
