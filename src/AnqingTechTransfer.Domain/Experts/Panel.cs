namespace AnqingTechTransfer.Domain.Experts;

public enum PanelStatus
{
    Draft = 1,
    Drawn = 2,
    Closed = 3,
    Published = 4,
}

public enum Aggregation
{
    Mean = 1,
    TrimmedMean = 2,
    ChiefWeighted = 3,
}

public enum MemberRole
{
    Member = 1,
    Reserve = 2,
}

public enum MemberState
{
    Drawn = 1,
    NoConflict = 2,
    Committed = 3,
    Scored = 4,
    ConflictDeclared = 5,
    NoShow = 6,
}

public sealed record RubricItem(string Name, int MaxScore);

/// <summary>
/// A review panel (评审组): the subject, the draw, the members with one chief expert (首席专家), their scores on the
/// rubric, the chief's primary opinion, and the result the chief locks. Names are confidential until publicity.
/// </summary>
public class ReviewPanel
{
    private readonly List<PanelMember> _members = [];

    private ReviewPanel()
    {
    }

    public Guid Id { get; private set; }
    public string Title { get; private set; } = string.Empty;
    public string SubjectKind { get; private set; } = string.Empty;
    public ReviewSubject Subject { get; private set; } = new(string.Empty, string.Empty, [], [], []);
    public Guid? ApplicantOrganizationId { get; private set; }
    /// <summary>The plan-project application under review (selection, appraisal or acceptance): what the seated experts read.</summary>
    public Guid? ApplicationId { get; private set; }
    public List<RubricItem> Rubric { get; private set; } = [];
    public Aggregation Aggregation { get; private set; }
    /// <summary>The chief expert's weight under <see cref="Aggregation.ChiefWeighted"/> (e.g. 0.4).</summary>
    public decimal ChiefWeight { get; private set; }
    public DateOnly ReviewDate { get; private set; }
    public PanelStatus Status { get; private set; }
    public DrawRecord? Draw { get; private set; }
    public string? ChiefOpinion { get; private set; }
    public decimal? Result { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    /// <summary>Officials who declared a conflict with this subject: they never see the panel's names.</summary>
    public List<Guid> RecusedUserIds { get; private set; } = [];
    /// <summary>The portal accounts of the seated experts and reserves: each sees the panel (and only their own seat).</summary>
    public List<Guid> ExpertUserIds { get; private set; } = [];
    public Guid CreatedByUserId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public uint Version { get; private set; }
    public IReadOnlyList<PanelMember> Members => _members;

    public PanelMember? Chief => _members.FirstOrDefault(m => m.IsChief);

    public static ReviewPanel Create(string title, string subjectKind, ReviewSubject subject, Guid? applicantOrganizationId, IReadOnlyList<RubricItem> rubric,
        Aggregation aggregation, decimal chiefWeight, DateOnly reviewDate, Guid createdBy, DateTimeOffset now, Guid? applicationId = null)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new DomainException("请填写评审事项名称", nameof(Title));
        }

        subject.Validate();
        if (rubric.Count == 0 || rubric.Any(r => string.IsNullOrWhiteSpace(r.Name) || r.MaxScore is < 1 or > 100))
        {
            throw new DomainException("请填写评分指标，每项满分为1至100分", nameof(Rubric));
        }

        if (aggregation == Aggregation.ChiefWeighted && chiefWeight is <= 0 or >= 1)
        {
            throw new DomainException("首席专家权重应大于0且小于1", nameof(ChiefWeight));
        }

        return new ReviewPanel
        {
            Id = Guid.CreateVersion7(now), Title = title.Trim(), SubjectKind = subjectKind, Subject = subject, ApplicantOrganizationId = applicantOrganizationId,
            Rubric = rubric.ToList(), Aggregation = aggregation, ChiefWeight = chiefWeight, ReviewDate = reviewDate, Status = PanelStatus.Draft,
            CreatedByUserId = createdBy, CreatedAt = now, ApplicationId = applicationId,
        };
    }

    public void Recuse(Guid userId)
    {
        if (!RecusedUserIds.Contains(userId))
        {
            RecusedUserIds.Add(userId);
        }
    }

    /// <summary>Seats the drawn experts and reserves; <paramref name="accounts"/> gives each expert's portal account, if any.</summary>
    public void RecordDraw(DrawRecord draw, IReadOnlyDictionary<Guid, Guid?> accounts, DateTimeOffset now)
    {
        Require(Status == PanelStatus.Draft, "已抽取专家，不能重复抽取");
        Draw = draw;
        var order = 0;
        foreach (var (id, role) in draw.Result.Selected.Select(id => (id, MemberRole.Member)).Concat(draw.Result.Reserves.Select(id => (id, MemberRole.Reserve))))
        {
            _members.Add(new PanelMember(Guid.CreateVersion7(now), Id, id, accounts.GetValueOrDefault(id), role, ++order));
        }

        ExpertUserIds = _members.Where(m => m.ExpertUserId is not null).Select(m => m.ExpertUserId!.Value).ToList();

        Status = PanelStatus.Drawn;
    }

    public void DesignateChief(Guid memberId)
    {
        Require(Status == PanelStatus.Drawn, "只能在评审进行中指定首席专家");
        var member = Member(memberId);
        Require(member.Role == MemberRole.Member && member.IsActive, "首席专家须为正式评审专家");
        foreach (var m in _members)
        {
            m.IsChief = m.Id == memberId;
        }
    }

    /// <summary>The expert's own declaration, before seeing the materials: no conflict, or a conflict (then replaced by a reserve).</summary>
    public PanelMember? Declare(Guid memberId, bool conflict, string? note)
    {
        var member = ActiveMember(memberId);
        Require(member.State == MemberState.Drawn, "已作出回避声明");
        if (!conflict)
        {
            member.State = MemberState.NoConflict;
            return null;
        }

        Require(!string.IsNullOrWhiteSpace(note), "请说明需要回避的情形");
        member.State = MemberState.ConflictDeclared;
        member.Note = note!.Trim();
        return Replace(member);
    }

    public void Commit(Guid memberId, DateTimeOffset now)
    {
        var member = ActiveMember(memberId);
        Require(member.State == MemberState.NoConflict, "请先作出无回避情形的声明");
        member.State = MemberState.Committed;
        member.CommittedAt = now;
    }

    public void Score(Guid memberId, IReadOnlyList<decimal> scores, string? comment, DateTimeOffset now)
    {
        var member = ActiveMember(memberId);
        Require(member.State is MemberState.Committed or MemberState.Scored, "签署承诺书后才能评分");
        Require(scores.Count == Rubric.Count, "请为每项评分指标打分");
        for (var i = 0; i < scores.Count; i++)
        {
            if (scores[i] < 0 || scores[i] > Rubric[i].MaxScore)
            {
                throw new DomainException($"“{Rubric[i].Name}”的得分应在0至{Rubric[i].MaxScore}分之间", $"Scores[{i}]");
            }
        }

        Require(!string.IsNullOrWhiteSpace(comment), "请填写评审意见");
        member.Scores = scores.ToList();
        member.Comment = comment!.Trim();
        member.ScoredAt = now;
        member.State = MemberState.Scored;
    }

    public void WritePrimaryOpinion(Guid memberId, string opinion)
    {
        var member = ActiveMember(memberId);
        Require(member.IsChief, "只有首席专家出具主审意见");
        Require(!string.IsNullOrWhiteSpace(opinion), "请填写主审意见");
        ChiefOpinion = opinion.Trim();
    }

    /// <summary>
    /// A conflict found after the draw (the expert's or the applicant's data changed): the expert leaves the panel, their
    /// scores (if any) no longer count, and the next reserve takes the place.
    /// </summary>
    public PanelMember? Exclude(Guid memberId, string evidence)
    {
        var member = ActiveMember(memberId);
        Require(!string.IsNullOrWhiteSpace(evidence), "请说明回避情形");
        member.State = MemberState.ConflictDeclared;
        member.Note = "事后发现回避情形：" + evidence.Trim();
        var wasChief = member.IsChief;
        member.IsChief = false;
        if (wasChief)
        {
            ChiefOpinion = null;
        }

        return Replace(member);
    }

    /// <summary>An expert who does not come: recorded, and the next reserve takes the place.</summary>
    public PanelMember? MarkNoShow(Guid memberId)
    {
        var member = ActiveMember(memberId);
        Require(member.State != MemberState.Scored, "已评分的专家不能标记为缺席");
        member.State = MemberState.NoShow;
        var wasChief = member.IsChief;
        member.IsChief = false;
        var replacement = Replace(member);
        if (wasChief)
        {
            ChiefOpinion = null;
        }

        return replacement;
    }

    /// <summary>The chief expert closes the panel: the primary opinion is written and every member has scored.</summary>
    public decimal Close(Guid chiefMemberId, DateTimeOffset now)
    {
        Require(Status == PanelStatus.Drawn, "评审组已结束");
        var chief = ActiveMember(chiefMemberId);
        Require(chief.IsChief, "只有首席专家可以结束评审并签署结果");
        Require(ChiefOpinion is not null, "首席专家须先出具主审意见");
        var sitting = _members.Where(m => m.Role == MemberRole.Member && m.IsActive).ToList();
        Require(sitting.All(m => m.State == MemberState.Scored), "还有专家未完成评分");
        Result = ScoreAggregation.Aggregate(Aggregation, sitting.Where(m => !m.IsChief).Select(m => m.Total).ToList(), chief.Total, ChiefWeight);
        Status = PanelStatus.Closed;
        ClosedAt = now;
        return Result.Value;
    }

    /// <summary>评审公示: from now on the names may be shown.</summary>
    public void Publish(DateTimeOffset now)
    {
        Require(Status == PanelStatus.Closed, "评审结束后才能公示");
        Status = PanelStatus.Published;
        PublishedAt = now;
    }

    private PanelMember? Replace(PanelMember leaving)
    {
        if (leaving.Role == MemberRole.Reserve)
        {
            return null;
        }

        var reserve = _members.Where(m => m.Role == MemberRole.Reserve && m.IsActive && m.State == MemberState.Drawn).MinBy(m => m.Order);
        if (reserve is not null)
        {
            reserve.Role = MemberRole.Member;
            reserve.ReplacesMemberId = leaving.Id;
        }

        return reserve;
    }

    private PanelMember Member(Guid id) => _members.FirstOrDefault(m => m.Id == id) ?? throw new DomainException("评审组中没有该专家");

    private PanelMember ActiveMember(Guid id)
    {
        Require(Status == PanelStatus.Drawn, "评审组不在评审阶段");
        var member = Member(id);
        Require(member.IsActive, "该专家已不在评审组中");
        return member;
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new DomainException(message);
        }
    }
}

public class PanelMember(Guid id, Guid panelId, Guid expertId, Guid? expertUserId, MemberRole role, int order)
{
    public Guid Id { get; private set; } = id;
    public Guid PanelId { get; private set; } = panelId;
    public Guid ExpertId { get; private set; } = expertId;
    /// <summary>The expert's portal account: what lets the expert (and only them) see this seat before publicity.</summary>
    public Guid? ExpertUserId { get; private set; } = expertUserId;
    public MemberRole Role { get; internal set; } = role;
    public int Order { get; private set; } = order;
    public bool IsChief { get; internal set; }
    public MemberState State { get; internal set; } = MemberState.Drawn;
    public string? Note { get; internal set; }
    public DateTimeOffset? CommittedAt { get; internal set; }
    public List<decimal> Scores { get; internal set; } = [];
    public string? Comment { get; internal set; }
    public DateTimeOffset? ScoredAt { get; internal set; }
    public Guid? ReplacesMemberId { get; internal set; }

    public bool IsActive => State is not (MemberState.ConflictDeclared or MemberState.NoShow);

    public decimal Total => Scores.Sum();
}

public static class ScoreAggregation
{
    /// <summary>
    /// The panel's score from the members' totals and the chief's: the mean of all; the trimmed mean (the highest and the
    /// lowest dropped when there are at least five); or the chief's score weighted against the others' mean.
    /// </summary>
    public static decimal Aggregate(Aggregation rule, IReadOnlyList<decimal> others, decimal chief, decimal chiefWeight)
    {
        var all = others.Append(chief).ToList();
        var value = rule switch
        {
            Aggregation.TrimmedMean when all.Count >= 5 => all.Order().Skip(1).SkipLast(1).Average(),
            Aggregation.ChiefWeighted when others.Count > 0 => chief * chiefWeight + others.Average() * (1 - chiefWeight),
            _ => all.Average(),
        };
        return decimal.Round(value, 2);
    }

    public static string Name(this Aggregation rule) => rule switch
    {
        Aggregation.Mean => "算术平均",
        Aggregation.TrimmedMean => "去掉一个最高分和一个最低分后平均（5人及以上）",
        Aggregation.ChiefWeighted => "首席专家加权",
        _ => rule.ToString(),
    };
}
