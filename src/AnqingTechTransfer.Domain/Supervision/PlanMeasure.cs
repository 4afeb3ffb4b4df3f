using AnqingTechTransfer.Domain.Organizations;

namespace AnqingTechTransfer.Domain.Supervision;

public enum MeasureStatus
{
    /// <summary>推进中</summary>
    InProgress = 1,
    /// <summary>已完成: the bureau marked it done with a conclusion.</summary>
    Done = 2,
}

/// <summary>
/// 任务分解: one measure of the action plan (DOMAIN.md §0), with the units that lead it. Lead units are portal organizations
/// (a municipal department, the bureau) or the governments of named counties and parks ("各县市区政府、园区" names all twelve):
/// each of them reports its progress every quarter. Only the bureau marks a measure done.
/// </summary>
public class PlanMeasure
{
    private PlanMeasure()
    {
    }

    public Guid Id { get; private set; }
    public int Number { get; private set; }
    public string Chapter { get; private set; } = string.Empty;
    public string Title { get; private set; } = string.Empty;
    public string Content { get; private set; } = string.Empty;
    /// <summary>The lead units as the plan names them (牵头/负责单位).</summary>
    public string LeadUnits { get; private set; } = string.Empty;
    public string CoUnits { get; private set; } = string.Empty;
    public List<Guid> LeadOrganizationIds { get; private set; } = [];
    /// <summary>Counties and parks whose government leads (region codes).</summary>
    public List<string> LeadRegionCodes { get; private set; } = [];
    public DateOnly Deadline { get; private set; }
    /// <summary>The plan period the measure belongs to (the seed's plan: 2021–2025).</summary>
    public int PeriodStartYear { get; private set; } = PlanMeasureCatalog.FirstPeriodStart;
    public int PeriodEndYear { get; private set; } = PlanMeasureCatalog.FirstPeriodEnd;
    /// <summary>The bureau opened the next period: the measure is read-only and reported as 已结束, never 逾期.</summary>
    public bool PeriodClosed { get; private set; }
    /// <summary>The previous period's measure this one carries over, if any.</summary>
    public Guid? CarriedFromId { get; private set; }
    public MeasureStatus Status { get; private set; }
    public string? Conclusion { get; private set; }
    public DateTimeOffset? DoneAt { get; private set; }
    public uint Version { get; private set; }

    public static PlanMeasure Create(int number, string chapter, string title, string content, string leadUnits, string coUnits,
        IEnumerable<Guid> leadOrganizations, IEnumerable<string> leadRegions, DateOnly deadline, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new DomainException("请填写任务名称", nameof(Title));
        }

        return new PlanMeasure
        {
            Id = Guid.CreateVersion7(now), Number = number, Chapter = chapter, Title = title.Trim(), Content = content.Trim(), LeadUnits = leadUnits,
            CoUnits = coUnits, LeadOrganizationIds = leadOrganizations.Distinct().ToList(), LeadRegionCodes = leadRegions.Distinct().ToList(),
            Deadline = deadline, Status = MeasureStatus.InProgress,
        };
    }

    /// <summary>The period as shown: 2021—2025年.</summary>
    public string PeriodLabel => MeasurePeriods.Label(PeriodStartYear, PeriodEndYear);

    /// <summary>The last day of the measure's plan period.</summary>
    public DateOnly PeriodEnds => new(PeriodEndYear, 12, 31);

    /// <summary>
    /// Carries an open measure into the next period with a new deadline (same number, text and leads); this one's period is
    /// closed by <see cref="ClosePeriod"/>. A done measure is not carried over.
    /// </summary>
    public PlanMeasure CarryOver(int startYear, int endYear, DateOnly deadline, DateTimeOffset now)
    {
        RequireOpenPeriod();
        if (Status == MeasureStatus.Done)
        {
            throw new DomainException("已完成的任务不结转");
        }

        var next = Create(Number, Chapter, Title, Content, LeadUnits, CoUnits, LeadOrganizationIds, LeadRegionCodes, deadline, now);
        next.PeriodStartYear = startYear;
        next.PeriodEndYear = endYear;
        next.CarriedFromId = Id;
        return next;
    }

    /// <summary>The next period is open: the measure becomes read-only, reported as 已结束.</summary>
    public void ClosePeriod() => PeriodClosed = true;

    private void RequireOpenPeriod()
    {
        if (PeriodClosed)
        {
            throw new DomainException($"该任务属于已结束的{PeriodLabel}行动方案期，只能查看，不能修改");
        }
    }

    /// <summary>Whether an organization reports on this measure: it is named as lead, or it is the government of a leading county or park.</summary>
    public bool IsLedBy(Guid organizationId, OrganizationKind kind, string regionCode) =>
        LeadOrganizationIds.Contains(organizationId)
        || (kind is OrganizationKind.CountyGovernment or OrganizationKind.ParkCommittee && LeadRegionCodes.Contains(regionCode));

    public void AssignLeads(IEnumerable<Guid> organizations, IEnumerable<string> regions, DateOnly deadline)
    {
        var ids = organizations.Distinct().ToList();
        var codes = regions.Distinct().ToList();
        RequireOpenPeriod();
        if (ids.Count == 0 && codes.Count == 0)
        {
            throw new DomainException("请至少指定一个牵头单位", nameof(LeadOrganizationIds));
        }

        LeadOrganizationIds = ids;
        LeadRegionCodes = codes;
        Deadline = deadline;
    }

    /// <summary>
    /// 逾期: open, in an open period, past a deadline set within the plan. A deadline that is the period's own last day is not
    /// missed when the period runs out (the plan's end is not an overdue task; the bureau opens the next period and carries over).
    /// </summary>
    public bool IsPastDeadline(DateOnly today) => Status == MeasureStatus.InProgress && !PeriodClosed && today > Deadline && Deadline < PeriodEnds;

    public void MarkDone(string conclusion, DateTimeOffset now)
    {
        RequireOpenPeriod();
        if (Status == MeasureStatus.Done)
        {
            throw new DomainException("该任务已标记完成");
        }

        if (string.IsNullOrWhiteSpace(conclusion))
        {
            throw new DomainException("请填写完成情况结论", nameof(Conclusion));
        }

        Status = MeasureStatus.Done;
        Conclusion = conclusion.Trim();
        DoneAt = now;
    }

    public void Reopen(string reason)
    {
        RequireOpenPeriod();
        if (Status != MeasureStatus.Done)
        {
            throw new DomainException("该任务尚未完成，无需重新打开");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("请填写重新打开的原因", nameof(Conclusion));
        }

        Status = MeasureStatus.InProgress;
        Conclusion = "重新打开：" + reason.Trim();
        DoneAt = null;
    }
}

public enum MeasureReportStatus
{
    /// <summary>待审阅</summary>
    Submitted = 1,
    /// <summary>需补充: the bureau asked for more; the unit revises and submits again.</summary>
    MoreRequested = 2,
    /// <summary>已审阅</summary>
    Accepted = 3,
}

/// <summary>A figure in a progress report: what was counted, the number and its unit.</summary>
public sealed record MeasureFigure(string Name, decimal Value, string Unit);

/// <summary>A lead unit's quarterly progress report on a measure: text, figures and attachments; one per unit and quarter.</summary>
public class MeasureReport : IOrganizationOwned
{
    public const int MaxFigures = 6;

    private MeasureReport()
    {
    }

    public Guid Id { get; private set; }
    public Guid MeasureId { get; private set; }
    public Guid OrganizationId { get; private set; }
    public string OrganizationName { get; private set; } = string.Empty;
    public string RegionCode { get; private set; } = string.Empty;
    public string Period { get; private set; } = string.Empty;
    public string Progress { get; private set; } = string.Empty;
    public List<MeasureFigure> Figures { get; private set; } = [];
    public MeasureReportStatus Status { get; private set; }
    public string? ReviewNote { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }
    public DateTimeOffset? ReviewedAt { get; private set; }
    public uint Version { get; private set; }

    public static MeasureReport File(PlanMeasure measure, Guid organizationId, string organizationName, OrganizationKind kind, string regionCode,
        ReportingPeriod period, DateOnly today, string progress, IReadOnlyList<MeasureFigure> figures, DateTimeOffset now)
    {
        if (!measure.IsLedBy(organizationId, kind, regionCode))
        {
            throw new DomainException("本单位不是该任务的牵头单位");
        }

        if (measure.PeriodClosed)
        {
            throw new DomainException($"该任务属于已结束的{measure.PeriodLabel}行动方案期，不再报送进展");
        }

        if (measure.Status == MeasureStatus.Done)
        {
            throw new DomainException("该任务已完成，无需再报送进展");
        }

        if (period.Starts > today)
        {
            throw new DomainException("不能报送尚未开始的季度", nameof(Period));
        }

        var report = new MeasureReport
        {
            Id = Guid.CreateVersion7(now), MeasureId = measure.Id, OrganizationId = organizationId, OrganizationName = organizationName,
            RegionCode = regionCode, Period = period.Code,
        };
        report.Write(progress, figures, now);
        return report;
    }

    public void Revise(string progress, IReadOnlyList<MeasureFigure> figures, DateTimeOffset now)
    {
        if (Status != MeasureReportStatus.MoreRequested)
        {
            throw new DomainException("只有被要求补充的报告才能修改后重新报送");
        }

        Write(progress, figures, now);
    }

    private void Write(string progress, IReadOnlyList<MeasureFigure> figures, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(progress))
        {
            throw new DomainException("请填写工作进展", nameof(Progress));
        }

        if (figures.Count > MaxFigures)
        {
            throw new DomainException($"主要数据最多填写 {MaxFigures} 项", nameof(Figures));
        }

        if (figures.Any(f => string.IsNullOrWhiteSpace(f.Name)))
        {
            throw new DomainException("每项数据都要写明名称", nameof(Figures));
        }

        Progress = progress.Trim();
        Figures = figures.Select(f => f with { Name = f.Name.Trim(), Unit = f.Unit.Trim() }).ToList();
        Status = MeasureReportStatus.Submitted;
        SubmittedAt = now;
        ReviewedAt = null;
    }

    public void Accept(string? note, DateTimeOffset now)
    {
        RequireSubmitted();
        Status = MeasureReportStatus.Accepted;
        ReviewNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        ReviewedAt = now;
    }

    public void AskForMore(string reason, DateTimeOffset now)
    {
        RequireSubmitted();
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("请写明需要补充的内容", nameof(ReviewNote));
        }

        Status = MeasureReportStatus.MoreRequested;
        ReviewNote = reason.Trim();
        ReviewedAt = now;
    }

    private void RequireSubmitted()
    {
        if (Status != MeasureReportStatus.Submitted)
        {
            throw new DomainException("该报告不在待审阅状态");
        }
    }
}

/// <summary>Whether a lead unit's report for the last ended quarter is late: the measure is open, the due day has passed, no report.</summary>
public static class ReportDeadlines
{
    public static bool IsLate(PlanMeasure measure, ReportingPeriod period, int dueDays, DateOnly today, bool hasReport) =>
        measure.Status == MeasureStatus.InProgress && !measure.PeriodClosed && !hasReport && today > period.DueOn(dueDays);
}

/// <summary>
/// Plan periods (行动方案期): the seed's plan runs 2021–2025; the bureau opens the next one (e.g. 2026–2030) in one step,
/// carrying every open measure over with a new deadline and closing the old period's measures (read-only, 已结束).
/// </summary>
public static class MeasurePeriods
{
    public static string Label(int start, int end) => $"{start}—{end}年";

    /// <summary>Opens the period start–end after the current one: the new measures (the open ones carried over); the current ones closed.</summary>
    public static IReadOnlyList<PlanMeasure> OpenNext(IReadOnlyList<PlanMeasure> current, int? start, int? end, DateOnly? deadline, DateTimeOffset now)
    {
        if (current.Count == 0 || current.Any(m => m.PeriodClosed) || current.Select(m => m.PeriodStartYear).Distinct().Count() != 1)
        {
            throw new DomainException("没有可结转的当前行动方案期");
        }

        var previousEnd = current[0].PeriodEndYear;
        if (start is not { } s || s != previousEnd + 1)
        {
            throw new DomainException($"新一期应从{previousEnd + 1}年开始", "startYear");
        }

        if (end is not { } e || e < s || e > s + 9)
        {
            throw new DomainException("请填写新一期的截止年份（不早于起始年份，最长十年）", "endYear");
        }

        if (deadline is not { } d || d < new DateOnly(s, 1, 1) || d > new DateOnly(e, 12, 31))
        {
            throw new DomainException($"结转任务的完成期限应在{Label(s, e)}之内", "deadline");
        }

        var carried = current.Where(m => m.Status == MeasureStatus.InProgress).Select(m => m.CarryOver(s, e, d, now)).ToList();
        foreach (var measure in current)
        {
            measure.ClosePeriod();
        }

        return carried;
    }
}
