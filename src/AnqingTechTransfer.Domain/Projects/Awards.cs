namespace AnqingTechTransfer.Domain.Projects;

public enum ProjectStatus
{
    Running = 1,
    Passed = 2,
    Concluded = 3,
    Failed = 4,
    /// <summary>终止: the bureau ended the task contract as a sanction; nothing more is disbursed.</summary>
    Terminated = 5,
}

public enum ChangeKind
{
    Leader = 1,
    Content = 2,
    Extension = 3,
}

public sealed record Tranche(int Number, decimal Amount, string Condition, DateOnly PlannedOn);

public sealed record Disbursement(int Tranche, decimal Amount, DateOnly PaidOn, string Reference);

public sealed record ChangeRequest(Guid Id, ChangeKind Kind, string Description, DateOnly? NewEndDate, bool? Approved, string? Reply);

public sealed record ProgressReport(Guid Id, DateOnly SubmittedOn, string Text);

/// <summary>
/// An awarded project under its task contract (任务书): milestones, funding tranches summing to the award, disbursements
/// against tranches, mid-term reports, change requests (leader, content, extension of at most a year) and the final
/// acceptance (验收).
/// </summary>
public class Project
{
    public const int MaxExtensionMonths = 12;

    private Project()
    {
    }

    public Guid Id { get; private set; }
    public Guid ApplicationId { get; private set; }
    public Guid OrganizationId { get; private set; }
    public string RegionCode { get; private set; } = string.Empty;
    public string Title { get; private set; } = string.Empty;
    public decimal Award { get; private set; }
    public DateOnly StartsOn { get; private set; }
    public DateOnly EndsOn { get; private set; }
    public DateOnly OriginalEndsOn { get; private set; }
    public List<Milestone> Milestones { get; private set; } = [];
    public List<Tranche> Tranches { get; private set; } = [];
    public List<Disbursement> Disbursements { get; private set; } = [];
    public List<ProgressReport> Reports { get; private set; } = [];
    public List<ChangeRequest> Changes { get; private set; } = [];
    public ProjectStatus Status { get; private set; }
    public string? Conclusion { get; private set; }
    public Guid? AcceptancePanelId { get; private set; }
    public decimal? AcceptanceScore { get; private set; }
    public uint Version { get; private set; }

    public decimal Disbursed => Disbursements.Sum(d => d.Amount);
    public decimal Outstanding => Award - Disbursed;

    /// <summary>The programme's mode: 研发众包 and 竞争后补助 are paid after acceptance; 揭榜挂帅 needs the 发榜方's signature.</summary>
    public FundingMode Mode { get; private set; }
    /// <summary>揭榜挂帅: the enterprise that posted the problem, third party to the agreement (三方协议).</summary>
    public Guid? PosterOrganizationId { get; private set; }
    public DateTimeOffset? PosterSignedAt { get; private set; }

    /// <summary>研发众包 is paid once accepted; 竞争后补助 is paid once, at the award, and ends with that payment.</summary>
    public bool PaidAfterAcceptance => Mode is FundingMode.Crowdsourcing;

    /// <summary>竞争后补助: the one payment (一次性拨付) of the whole subsidy.</summary>
    public const string SubsidyPayment = "一次性拨付补助";

    /// <summary>
    /// 竞争后补助: the award is the subsidy for results already achieved — no task contract milestones, no acceptance: one
    /// tranche of the whole amount, paid once, after which the project is concluded (结题). Its term is the R&amp;D period declared.
    /// </summary>
    public static Project FromSubsidy(ProjectApplication application, DateOnly payOn, DateTimeOffset now)
    {
        if (application.Status != ApplicationStatus.Awarded || application.ApprovedAmount is not { } award || application.Results is not { } results)
        {
            throw new DomainException("只有已下达立项的竞争后补助申报可以下达补助");
        }

        return new Project
        {
            Id = Guid.CreateVersion7(now), ApplicationId = application.Id, OrganizationId = application.OrganizationId, RegionCode = application.RegionCode,
            Title = application.Title, Award = award, StartsOn = results.From, EndsOn = results.To, OriginalEndsOn = results.To, Milestones = [],
            Tranches = [new Tranche(1, award, SubsidyPayment, payOn)], Status = ProjectStatus.Running, Mode = FundingMode.PostSubsidy,
        };
    }

    public static Project FromAward(ProjectApplication application, DateOnly startsOn, DateOnly endsOn, IReadOnlyList<Tranche> tranches, DateTimeOffset now,
        FundingMode mode)
    {
        if (application.Status != ApplicationStatus.Awarded || application.ApprovedAmount is not { } award)
        {
            throw new DomainException("只有已下达立项的项目可以签订任务书");
        }

        if (mode == FundingMode.PostSubsidy)
        {
            throw new DomainException("竞争后补助不签订任务书，按核定金额一次性拨付");
        }

        if (endsOn <= startsOn)
        {
            throw new DomainException("结束日期应晚于开始日期", nameof(EndsOn));
        }

        if (tranches.Count == 0 || tranches.Any(t => t.Amount <= 0) || tranches.Sum(t => t.Amount) != award)
        {
            throw new DomainException($"各期拨款之和应等于立项资助金额 {award} 万元", nameof(Tranches));
        }

        if (tranches.Select(t => t.Number).Distinct().Count() != tranches.Count)
        {
            throw new DomainException("拨款期次不能重复", nameof(Tranches));
        }

        return new Project
        {
            Id = Guid.CreateVersion7(now), ApplicationId = application.Id, OrganizationId = application.OrganizationId, RegionCode = application.RegionCode,
            Title = application.Title, Award = award, StartsOn = startsOn, EndsOn = endsOn, OriginalEndsOn = endsOn, Milestones = application.Milestones.ToList(),
            Tranches = tranches.OrderBy(t => t.Number).ToList(), Status = ProjectStatus.Running, Mode = mode,
            PosterOrganizationId = mode == FundingMode.Unveiling ? application.PosterOrganizationId : null,
        };
    }

    /// <summary>A payment against a tranche: never more than the tranche, tranches in order.</summary>
    public void Disburse(int tranche, decimal amount, DateOnly paidOn, string reference)
    {
        if (PaidAfterAcceptance)
        {
            Require(Status == ProjectStatus.Passed, $"{Mode.Name()}项目在验收通过后拨付资金");
        }
        else
        {
            Require(Status == ProjectStatus.Running, "项目已结题，不能再拨款");
            Require(PosterOrganizationId is null || PosterSignedAt is not null, "揭榜挂帅项目须发榜企业签署三方协议后拨款");
        }

        var t = Tranches.FirstOrDefault(x => x.Number == tranche) ?? throw new DomainException($"没有第 {tranche} 期拨款");
        var paid = Disbursements.Where(d => d.Tranche == tranche).Sum(d => d.Amount);
        if (amount <= 0 || paid + amount > t.Amount)
        {
            throw new DomainException($"第 {tranche} 期计划 {t.Amount} 万元，已拨 {paid} 万元，本次拨款超出");
        }

        var earlier = Tranches.Where(x => x.Number < tranche).ToList();
        if (earlier.Any(x => Disbursements.Where(d => d.Tranche == x.Number).Sum(d => d.Amount) < x.Amount))
        {
            throw new DomainException("前期拨款未拨付完毕，不能拨付后期款项");
        }

        if (string.IsNullOrWhiteSpace(reference))
        {
            throw new DomainException("请填写拨款凭证号");
        }

        if (Mode == FundingMode.PostSubsidy && amount != t.Amount)
        {
            throw new DomainException($"竞争后补助一次性拨付全部补助 {t.Amount:0.##} 万元");
        }

        Disbursements = [.. Disbursements, new Disbursement(tranche, amount, paidOn, reference.Trim())];
        if (Mode == FundingMode.PostSubsidy)
        {
            Status = ProjectStatus.Concluded;
            Conclusion = $"竞争后补助已于 {paidOn:yyyy-MM-dd} 一次性拨付 {amount:0.##} 万元（凭证 {reference.Trim()}），项目结题";
        }
    }

    /// <summary>揭榜挂帅: the 发榜方 signs the three-party agreement (bureau, 揭榜方, 发榜方).</summary>
    public void SignAsPoster(Guid organizationId, DateTimeOffset now)
    {
        Require(PosterOrganizationId == organizationId, "只有发榜企业签署三方协议");
        Require(PosterSignedAt is null, "三方协议已签署");
        PosterSignedAt = now;
    }

    public void Report(string text, DateOnly today, DateTimeOffset now)
    {
        Require(Status == ProjectStatus.Running, "项目已结题");
        Require(Mode != FundingMode.PostSubsidy, "竞争后补助项目无需报告进展");
        Require(!string.IsNullOrWhiteSpace(text), "请填写进展情况");
        Reports = [.. Reports, new ProgressReport(Guid.CreateVersion7(now), today, text.Trim())];
    }

    public ChangeRequest RequestChange(ChangeKind kind, string description, DateOnly? newEndDate, DateTimeOffset now)
    {
        Require(Status == ProjectStatus.Running, "项目已结题");
        Require(Mode != FundingMode.PostSubsidy, "竞争后补助项目没有任务书，无需变更");
        Require(!string.IsNullOrWhiteSpace(description), "请说明变更内容和理由");
        if (kind == ChangeKind.Extension)
        {
            Require(newEndDate is { } d && d > EndsOn, "延期须填写晚于现结束日期的新日期");
            Require(newEndDate <= OriginalEndsOn.AddMonths(MaxExtensionMonths), "延期累计不能超过1年");
        }

        Require(!Changes.Any(c => c.Approved is null), "还有未审批的变更申请");
        var change = new ChangeRequest(Guid.CreateVersion7(now), kind, description.Trim(), newEndDate, null, null);
        Changes = [.. Changes, change];
        return change;
    }

    public void DecideChange(Guid changeId, bool approve, string reply)
    {
        var change = Changes.FirstOrDefault(c => c.Id == changeId) ?? throw new DomainException("没有该变更申请");
        Require(change.Approved is null, "该变更申请已审批");
        Require(!string.IsNullOrWhiteSpace(reply), "请填写审批意见");
        Changes = Changes.Select(c => c.Id == changeId ? c with { Approved = approve, Reply = reply.Trim() } : c).ToList();
        if (approve && change.Kind == ChangeKind.Extension)
        {
            EndsOn = change.NewEndDate!.Value;
        }
    }

    /// <summary>The mid-term report (中期报告) is due at the midpoint of the project: overdue while none has been filed after it.</summary>
    public bool IsReportOverdue(DateOnly today) => ReportDueOn is { } due && today > due;

    /// <summary>The day the mid-term report is due (the project's midpoint) while one is expected: running, not 竞争后补助, none filed yet.</summary>
    public DateOnly? ReportDueOn => Status == ProjectStatus.Running && Mode != FundingMode.PostSubsidy && Reports.Count == 0
        ? StartsOn.AddDays((EndsOn.DayNumber - StartsOn.DayNumber) / 2)
        : null;

    /// <summary>
    /// 待报送: the mid-term report is due within <paramref name="days"/> days or overdue — what the project unit's to-do counts and
    /// the awarded list's 待报送 filter shows.
    /// </summary>
    public bool IsReportDue(DateOnly today, int days = Reminders.ReminderSchedule.ProjectDays) => ReportDueOn is { } due && due.DayNumber - today.DayNumber <= days;

    /// <summary>Milestones past due on a day, for the bureau's and the county's watch list.</summary>
    public IReadOnlyList<Milestone> Overdue(DateOnly today) => Status == ProjectStatus.Running ? Milestones.Where(m => m.Due < today).ToList() : [];

    /// <summary>The acceptance panel drawn from the expert pool for this project.</summary>
    public void AssignAcceptancePanel(Guid panelId)
    {
        Require(Mode != FundingMode.PostSubsidy, "竞争后补助项目评审的是已取得的成果，拨付后即结题，不再组织验收");
        Require(Status == ProjectStatus.Running, "项目已验收");
        Require(AcceptancePanelId is null, "已组织验收专家组");
        AcceptancePanelId = panelId;
    }

    /// <summary>
    /// 验收: the conclusion on the acceptance panel's signed score. Below the pass mark only 不通过 is possible; a failed
    /// project carries an integrity sanction for its unit.
    /// </summary>
    public void Accept(ProjectStatus conclusion, string opinion, decimal panelScore)
    {
        Require(Status == ProjectStatus.Running, "项目已验收");
        Require(AcceptancePanelId is not null, "请先组织验收专家组");
        Require(conclusion != ProjectStatus.Running, "请选择验收结论");
        Require(!string.IsNullOrWhiteSpace(opinion), "请填写验收意见");
        Require(conclusion == ProjectStatus.Failed || ProjectReview.Passes(panelScore),
            $"验收专家组评分 {panelScore:0.00} 分，低于 {ProjectReview.PassMark:0} 分，只能作出“不通过”结论");
        Status = conclusion;
        Conclusion = opinion.Trim();
        AcceptanceScore = panelScore;
    }

    /// <summary>终止任务书 (a sanction): a running project ends here; no further tranche is disbursed.</summary>
    public void Terminate(string reason)
    {
        Require(Status == ProjectStatus.Running, "只有执行中的项目可以终止");
        Status = ProjectStatus.Terminated;
        Conclusion = "终止：" + reason.Trim();
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new DomainException(message);
        }
    }
}

/// <summary>The plan's figure: at least 70 % of awarded tackling projects led by enterprises.</summary>
public static class EnterpriseLead
{
    public const decimal Required = 0.70m;

    public static (int Led, int Total, decimal? Share, bool Below) Share(IEnumerable<(bool EnterpriseLed, bool Tackling)> awarded)
    {
        var tackling = awarded.Where(a => a.Tackling).ToList();
        var led = tackling.Count(a => a.EnterpriseLed);
        decimal? share = tackling.Count == 0 ? null : (decimal)led / tackling.Count;
        return (led, tackling.Count, share, share < Required);
    }

    /// <summary>The share once one more tackling project, led by an enterprise or not, is approved.</summary>
    public static (decimal Share, bool Below) After(int led, int total, bool enterpriseLed)
    {
        var share = (decimal)(led + (enterpriseLed ? 1 : 0)) / (total + 1);
        return (share, share < Required);
    }

    /// <summary>"68.2%": one decimal, as the pages show the share.</summary>
    public static string Percent(decimal share) => (share * 100).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%";
}

public sealed record RankedApplication(int Rank, ProjectApplication Application, decimal Cumulative, bool WithinBudget);

/// <summary>A programme's reviewed applications by score (earlier submission first on a tie), with the budget line: where the requested funds add up past the budget.</summary>
public static class ProgrammeRanking
{
    public static IReadOnlyList<RankedApplication> Rank(IEnumerable<ProjectApplication> reviewed, decimal budget)
    {
        var cumulative = 0m;
        return reviewed.Where(a => a.Score is not null).OrderByDescending(a => a.Score).ThenBy(a => a.SubmittedAt).Select((a, i) =>
        {
            cumulative += a.Requested;
            return new RankedApplication(i + 1, a, cumulative, cumulative <= budget);
        }).ToList();
    }
}
