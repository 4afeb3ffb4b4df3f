namespace AnqingTechTransfer.Domain.Carriers;

/// <summary>
/// An organization's interest in a scenario (what it would apply there, optionally its published result). The scenario's
/// author accepts it to start the 对接: both sides then see each other as docked.
/// </summary>
public sealed record ScenarioInterest(Guid OrganizationId, string OrganizationName, string Text, DateTimeOffset At, Guid? ResultId = null, DateTimeOffset? AcceptedAt = null)
{
    public bool IsAccepted => AcceptedAt is not null;
}

/// <summary>The stored steps of a scenario. Open and Closed keep their old numbers (published scenarios of before the review step).</summary>
public enum ScenarioStatus
{
    /// <summary>Published (征集中 until its deadline, 征集结束 after it).</summary>
    Open = 1,
    Closed = 2,
    Draft = 3,
    Pending = 4,
    Returned = 5,
}

/// <summary>What a reader is told: the stored status with the deadline applied on the day of reading (never stored stale).</summary>
public enum ScenarioPhase
{
    Draft = 1,
    Pending = 2,
    Returned = 3,
    Collecting = 4,
    CollectionEnded = 5,
    Closed = 6,
}

public static class ScenarioNames
{
    public static string Name(ScenarioPhase phase) => phase switch
    {
        ScenarioPhase.Draft => "草稿（挖掘中）",
        ScenarioPhase.Pending => "待审核",
        ScenarioPhase.Returned => "已退回",
        ScenarioPhase.Collecting => "征集中",
        ScenarioPhase.CollectionEnded => "征集结束",
        ScenarioPhase.Closed => "已结束",
        _ => phase.ToString(),
    };
}

/// <summary>
/// 应用场景, as the plan means it: 挖掘 (a county, park, lead enterprise or the 场景促进中心 records the need as a draft, in
/// its region), 策划 (edited until submitted), review by the county or park of the region (approve, or return with a reason
/// the author sees), 发布 (public only from approval), 对接 (interest, accepted by the author), and closing with the outcome.
/// </summary>
public class Scenario
{
    public const int MaxKeywords = 8;

    private Scenario()
    {
    }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }
    public string PublisherName { get; private set; } = string.Empty;
    public string RegionCode { get; private set; } = string.Empty;
    public string Title { get; private set; } = string.Empty;
    public string Place { get; private set; } = string.Empty;
    public string Problem { get; private set; } = string.Empty;
    public string FieldCode { get; private set; } = string.Empty;
    public List<string> Keywords { get; private set; } = [];
    public DateOnly Deadline { get; private set; }
    public ScenarioStatus Status { get; private set; }
    public List<ScenarioInterest> Interests { get; private set; } = [];
    public string? ReturnReason { get; private set; }
    public string? ReviewerName { get; private set; }
    public string? Outcome { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    public uint Version { get; private set; }

    public bool IsPublished => Status is ScenarioStatus.Open or ScenarioStatus.Closed;

    /// <summary>The author may still change it (a draft, or returned by the reviewer).</summary>
    public bool IsEditable => Status is ScenarioStatus.Draft or ScenarioStatus.Returned;

    public ScenarioPhase PhaseOn(DateOnly today) => Status switch
    {
        ScenarioStatus.Draft => ScenarioPhase.Draft,
        ScenarioStatus.Pending => ScenarioPhase.Pending,
        ScenarioStatus.Returned => ScenarioPhase.Returned,
        ScenarioStatus.Open => today > Deadline ? ScenarioPhase.CollectionEnded : ScenarioPhase.Collecting,
        _ => ScenarioPhase.Closed,
    };

    /// <summary>挖掘: the need recorded as a draft of the author's organization, in the region it concerns.</summary>
    public static Scenario Record(Guid organizationId, string publisherName, string regionCode, string title, string place, string problem, string fieldCode,
        IReadOnlyList<string> keywords, DateOnly deadline, DateOnly today, DateTimeOffset now)
    {
        var scenario = new Scenario { Id = Guid.CreateVersion7(now), OrganizationId = organizationId, PublisherName = publisherName, Status = ScenarioStatus.Draft, CreatedAt = now };
        scenario.Set(regionCode, title, place, problem, fieldCode, keywords, deadline, today);
        return scenario;
    }

    /// <summary>策划: the author completes the draft (or corrects what the reviewer returned).</summary>
    public void Edit(string regionCode, string title, string place, string problem, string fieldCode, IReadOnlyList<string> keywords, DateOnly deadline, DateOnly today)
    {
        if (!IsEditable)
        {
            throw new DomainException(Status == ScenarioStatus.Pending ? "场景正在审核，不能修改" : "已发布的场景不能修改");
        }

        Set(regionCode, title, place, problem, fieldCode, keywords, deadline, today);
    }

    private void Set(string regionCode, string title, string place, string problem, string fieldCode, IReadOnlyList<string> keywords, DateOnly deadline, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(regionCode))
        {
            throw new DomainException("请选择场景所在的县（市、区）或园区", nameof(RegionCode));
        }

        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length > 200)
        {
            throw new DomainException("请填写场景名称（不超过200字）", nameof(Title));
        }

        if (string.IsNullOrWhiteSpace(place))
        {
            throw new DomainException("请填写场景地点", nameof(Place));
        }

        if (string.IsNullOrWhiteSpace(problem))
        {
            throw new DomainException("请填写需要解决的问题", nameof(Problem));
        }

        if (string.IsNullOrWhiteSpace(fieldCode))
        {
            throw new DomainException("请选择技术领域", nameof(FieldCode));
        }

        if (keywords.Count == 0 || keywords.Count > MaxKeywords)
        {
            throw new DomainException($"请填写1至{MaxKeywords}个关键词", nameof(Keywords));
        }

        if (deadline <= today)
        {
            throw new DomainException("征集截止日期应晚于今天", nameof(Deadline));
        }

        (RegionCode, Title, Place, Problem, FieldCode, Keywords, Deadline) =
            (regionCode, title.Trim(), place.Trim(), problem.Trim(), fieldCode, keywords.ToList(), deadline);
    }

    /// <summary>The author sends the draft to the county or park of its region.</summary>
    public void Submit(DateOnly today)
    {
        if (!IsEditable)
        {
            throw new DomainException(Status == ScenarioStatus.Pending ? "场景已提交审核" : "场景已发布");
        }

        if (Deadline <= today)
        {
            throw new DomainException("征集截止日期已过，请先修改截止日期", nameof(Deadline));
        }

        Status = ScenarioStatus.Pending;
    }

    /// <summary>The county or park of the region approves: the scenario is published from now on.</summary>
    public void Approve(string reviewerName, DateOnly today, DateTimeOffset now)
    {
        RequirePending();
        if (Deadline <= today)
        {
            throw new DomainException("征集截止日期已过，请退回作者修改");
        }

        Status = ScenarioStatus.Open;
        ReviewerName = reviewerName;
        ReturnReason = null;
        PublishedAt = now;
    }

    /// <summary>The reviewer returns it with a reason the author reads; the author edits and submits again.</summary>
    public void Return(string reviewerName, string reason)
    {
        RequirePending();
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("请填写退回理由", "reason");
        }

        Status = ScenarioStatus.Returned;
        ReviewerName = reviewerName;
        ReturnReason = reason.Trim();
    }

    private void RequirePending()
    {
        if (Status != ScenarioStatus.Pending)
        {
            throw new DomainException("该场景不在待审核状态");
        }
    }

    public void ExpressInterest(Guid organizationId, string organizationName, string text, DateOnly today, DateTimeOffset now, Guid? resultId = null)
    {
        if (Status != ScenarioStatus.Open || today > Deadline)
        {
            throw new DomainException("该场景不在征集中");
        }

        if (organizationId == OrganizationId)
        {
            throw new DomainException("不能对本单位发布的场景提交意向");
        }

        if (Interests.Any(i => i.OrganizationId == organizationId))
        {
            throw new DomainException("本单位已提交过意向");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DomainException("请说明拟应用的技术或产品", "text");
        }

        Interests.Add(new ScenarioInterest(organizationId, organizationName, text.Trim(), now, resultId));
    }

    /// <summary>对接: the author accepts an interest (also after the deadline, while the scenario is not closed).</summary>
    public void AcceptInterest(Guid organizationId, DateTimeOffset now)
    {
        if (Status != ScenarioStatus.Open)
        {
            throw new DomainException("该场景已结束");
        }

        var index = Interests.FindIndex(i => i.OrganizationId == organizationId);
        if (index < 0)
        {
            throw new DomainException("没有该单位的意向");
        }

        if (Interests[index].IsAccepted)
        {
            throw new DomainException("已与该单位对接");
        }

        Interests[index] = Interests[index] with { AcceptedAt = now };
    }

    public void Close(string outcome)
    {
        if (Status != ScenarioStatus.Open)
        {
            throw new DomainException(Status == ScenarioStatus.Closed ? "该场景已结束" : "场景尚未发布");
        }

        if (string.IsNullOrWhiteSpace(outcome))
        {
            throw new DomainException("请填写场景应用结果", "outcome");
        }

        Status = ScenarioStatus.Closed;
        Outcome = outcome.Trim();
    }
}
