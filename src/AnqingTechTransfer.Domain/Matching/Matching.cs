namespace AnqingTechTransfer.Domain.Matching;

/// <summary>The facts of a need the matching reads (a projection, so suggestions load no more than they score).</summary>
public sealed record NeedFacts(Guid Id, string Title, string FieldCode, IReadOnlyList<string> Keywords, CooperationModes Modes, decimal? BudgetMin, decimal? BudgetMax,
    string RegionCode);

public sealed record ResultFacts(Guid Id, string Title, string FieldCode, IReadOnlyList<string> Keywords, CooperationModes Modes, decimal? Price, string RegionCode,
    int Maturity);

public sealed record MatchScore(int Points, IReadOnlyList<string> Reasons);

/// <summary>What a scenario (or anything matched on its subject alone, without modes or prices) is matched on.</summary>
public sealed record TopicFacts(Guid Id, string Title, string FieldCode, IReadOnlyList<string> Keywords, string RegionCode);

/// <summary>
/// How well a result answers a need, with the reasons a person can check: the same technical field, keywords found on the
/// other side, a cooperation mode both accept, a price within the budget, and nearness (same county or park). A pair is
/// suggested only when it shares the field or a keyword and scores at least <see cref="Threshold"/>.
/// </summary>
public static class MatchRules
{
    public const int Threshold = 30;
    public const int SameField = 40;
    public const int PerKeyword = 10;
    public const int MaxKeywordPoints = 30;
    public const int ModeCompatible = 15;
    public const int PriceWithinBudget = 10;
    public const int PriceNegotiable = 4;
    public const int SameRegion = 5;

    public static MatchScore Score(NeedFacts need, ResultFacts result)
    {
        var points = 0;
        var reasons = new List<string>();
        points += SameFieldPart(need.FieldCode, result.FieldCode, reasons);
        points += KeywordPart(SharedKeywords(need, result), reasons);
        var modes = need.Modes & result.Modes;
        if (modes != CooperationModes.None)
        {
            points += ModeCompatible;
            reasons.Add("合作方式相符：" + MatchNames.Modes(modes));
        }

        if (result.Price is null)
        {
            points += PriceNegotiable;
            reasons.Add("价格面议");
        }
        else if ((need.BudgetMax is null || result.Price <= need.BudgetMax) && (need.BudgetMin is null || result.Price >= need.BudgetMin * 0.5m))
        {
            points += PriceWithinBudget;
            reasons.Add("参考价格在预算内");
        }

        points += SameRegionPart(need.RegionCode, result.RegionCode, reasons);
        return new MatchScore(points, reasons);
    }

    /// <summary>
    /// A scenario against a result or a need: the same parts of <see cref="Score"/> that concern the subject — same field,
    /// shared keywords, same county or park — with the same threshold and the same condition (field or a keyword shared).
    /// </summary>
    public static MatchScore ScoreTopic(TopicFacts subject, TopicFacts other)
    {
        var reasons = new List<string>();
        var points = SameFieldPart(subject.FieldCode, other.FieldCode, reasons)
            + KeywordPart(SharedKeywords(subject.Keywords, subject.Title, other.Keywords, other.Title), reasons)
            + SameRegionPart(subject.RegionCode, other.RegionCode, reasons);
        return new MatchScore(points, reasons);
    }

    /// <summary>The best matches of a subject among candidates, strongest first, then by id.</summary>
    public static IReadOnlyList<(TopicFacts Other, MatchScore Score)> ForTopic(TopicFacts subject, IEnumerable<TopicFacts> candidates, int take) =>
        candidates.Select(c => (Other: c, Score: ScoreTopic(subject, c)))
            .Where(x => x.Score.Points >= Threshold && (subject.FieldCode == x.Other.FieldCode || SharedKeywords(subject.Keywords, subject.Title, x.Other.Keywords, x.Other.Title).Count > 0))
            .OrderByDescending(x => x.Score.Points).ThenBy(x => x.Other.Id).Take(take).ToList();

    private static int SameFieldPart(string a, string b, List<string> reasons)
    {
        if (a != b)
        {
            return 0;
        }

        reasons.Add("同一技术领域");
        return SameField;
    }

    private static int KeywordPart(IReadOnlyList<string> shared, List<string> reasons)
    {
        if (shared.Count == 0)
        {
            return 0;
        }

        reasons.Add("共同关键词：" + string.Join("、", shared));
        return Math.Min(MaxKeywordPoints, shared.Count * PerKeyword);
    }

    private static int SameRegionPart(string a, string b, List<string> reasons)
    {
        if (a != b)
        {
            return 0;
        }

        reasons.Add("同一县（市、区）或园区");
        return SameRegion;
    }

    public static bool IsSuggested(NeedFacts need, ResultFacts result, MatchScore score) =>
        score.Points >= Threshold && (need.FieldCode == result.FieldCode || SharedKeywords(need, result).Count > 0);

    /// <summary>The keywords of either side found among the other's keywords or in its title.</summary>
    public static IReadOnlyList<string> SharedKeywords(NeedFacts need, ResultFacts result) => SharedKeywords(need.Keywords, need.Title, result.Keywords, result.Title);

    /// <summary>The keywords of either side found among the other's keywords or in its title.</summary>
    public static IReadOnlyList<string> SharedKeywords(IReadOnlyList<string> keywordsA, string titleA, IReadOnlyList<string> keywordsB, string titleB)
    {
        var a = titleA.ToLowerInvariant();
        var b = titleB.ToLowerInvariant();
        return keywordsA.Where(k => keywordsB.Contains(k) || b.Contains(k, StringComparison.Ordinal))
            .Concat(keywordsB.Where(k => a.Contains(k, StringComparison.Ordinal)))
            .Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The best suggestions, strongest first; ties go to the more mature result, then the earlier one.</summary>
    public static IReadOnlyList<(ResultFacts Result, MatchScore Score)> ForNeed(NeedFacts need, IEnumerable<ResultFacts> candidates, int take) =>
        candidates.Select(r => (Result: r, Score: Score(need, r))).Where(x => IsSuggested(need, x.Result, x.Score))
            .OrderByDescending(x => x.Score.Points).ThenByDescending(x => x.Result.Maturity).ThenBy(x => x.Result.Id).Take(take).ToList();

    public static IReadOnlyList<(NeedFacts Need, MatchScore Score)> ForResult(ResultFacts result, IEnumerable<NeedFacts> candidates, int take) =>
        candidates.Select(n => (Need: n, Score: Score(n, result))).Where(x => IsSuggested(x.Need, result, x.Score))
            .OrderByDescending(x => x.Score.Points).ThenBy(x => x.Need.Id).Take(take).ToList();
}

public static class MatchNames
{
    public static string Name(CooperationModes mode) => mode switch
    {
        CooperationModes.Commissioned => "委托开发",
        CooperationModes.Cooperation => "合作开发",
        CooperationModes.Transfer => "技术转让",
        CooperationModes.Licence => "许可使用",
        CooperationModes.Equity => "作价入股",
        _ => mode.ToString(),
    };

    public static string Modes(CooperationModes modes) =>
        string.Join("、", Enum.GetValues<CooperationModes>().Where(m => m != CooperationModes.None && modes.HasFlag(m)).Select(Name));

    public static string Name(ListingStatus status) => status switch
    {
        ListingStatus.Pending => "待审核",
        ListingStatus.Published => "已发布",
        ListingStatus.Rejected => "已退回",
        ListingStatus.Withdrawn => "已撤回",
        ListingStatus.Closed => "已关闭",
        ListingStatus.Solved => "已解决",
        _ => status.ToString(),
    };

    public static string Name(IpKind kind) => kind switch
    {
        IpKind.InventionPatent => "发明专利",
        IpKind.UtilityModel => "实用新型专利",
        IpKind.Software => "软件著作权",
        IpKind.TradeSecret => "技术秘密",
        _ => "其他",
    };

    public static string Name(DockingStatus status) => status switch
    {
        DockingStatus.Pending => "待回复",
        DockingStatus.Accepted => "已接受",
        DockingStatus.Declined => "已婉拒",
        _ => status.ToString(),
    };
}

public enum DockingStatus
{
    Pending = 1,
    Accepted = 2,
    Declined = 3,
}

public sealed record ThreadMessage(DateTimeOffset At, Guid OrganizationId, string OrganizationName, string Text);

/// <summary>
/// 对接意向: one side asks the other to work on a need–result pair. Accepted, it opens a conversation between the two
/// organizations, reveals their contacts to each other, and can end in a technology contract (kept as the link from the
/// need to the contract it produced).
/// </summary>
public class DockingRequest
{
    private DockingRequest()
    {
    }

    public Guid Id { get; private set; }
    public Guid NeedId { get; private set; }
    public Guid ResultId { get; private set; }
    public Guid NeedOrganizationId { get; private set; }
    public Guid ResultOrganizationId { get; private set; }
    public Guid FromOrganizationId { get; private set; }
    public string Message { get; private set; } = string.Empty;
    public DockingStatus Status { get; private set; }
    public string? Reply { get; private set; }
    public List<ThreadMessage> Thread { get; private set; } = [];
    public Guid? ContractId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public uint Version { get; private set; }

    /// <summary>经纪撮合 (issue 24 §8): the bureau, or a county or park for its commissioners, that proposed the docking to both sides.</summary>
    public Guid? BrokerOrganizationId { get; private set; }

    public string? BrokerName { get; private set; }

    /// <summary>The commissioner (科技服务专员) of the broker's region who brokers it, if one was named.</summary>
    public Guid? BrokerCommissionerId { get; private set; }

    public string? BrokerCommissionerName { get; private set; }

    /// <summary>A brokered docking is accepted when both sides have accepted it; these are their answers so far.</summary>
    public DateTimeOffset? NeedAcceptedAt { get; private set; }

    public DateTimeOffset? ResultAcceptedAt { get; private set; }

    public bool IsBrokered => BrokerOrganizationId is not null;

    public Guid ToOrganizationId => FromOrganizationId == NeedOrganizationId ? ResultOrganizationId : NeedOrganizationId;

    /// <summary>
    /// The side that answers: the recipient of a request between the two sides (whatever its state — a late answer is
    /// refused by <see cref="Decide"/>), or either side of a pending brokered docking that has not accepted it yet.
    /// </summary>
    public bool AwaitsAnswerFrom(Guid organizationId) => IsBrokered
        ? Status == DockingStatus.Pending && ((organizationId == NeedOrganizationId && NeedAcceptedAt is null) || (organizationId == ResultOrganizationId && ResultAcceptedAt is null))
        : organizationId == ToOrganizationId;

    /// <summary>
    /// 撮合: a broker that is neither side proposes a published need and a published result to both their owners, with the
    /// reasons it sees; each side accepts or declines, and the docking is accepted once both have accepted.
    /// </summary>
    public static DockingRequest Broker(TechNeed need, TechResult result, Guid brokerOrganizationId, string brokerName, Guid? commissionerId, string? commissionerName,
        string message, DateTimeOffset now)
    {
        if (brokerOrganizationId == need.OrganizationId || brokerOrganizationId == result.OrganizationId)
        {
            throw new DomainException("本单位是对接的一方，请直接发起对接意向");
        }

        var request = Open(need, result, need.OrganizationId, message, now);
        request.FromOrganizationId = brokerOrganizationId;
        request.BrokerOrganizationId = brokerOrganizationId;
        request.BrokerName = brokerName;
        request.BrokerCommissionerId = commissionerId;
        request.BrokerCommissionerName = commissionerId is null ? null : commissionerName;
        return request;
    }

    public bool IsParty(Guid organizationId) => organizationId == NeedOrganizationId || organizationId == ResultOrganizationId;

    public static DockingRequest Open(TechNeed need, TechResult result, Guid fromOrganizationId, string message, DateTimeOffset now)
    {
        if (!need.IsPublic || !result.IsPublic)
        {
            throw new DomainException("只能对已发布的需求和成果发起对接");
        }

        if (need.OrganizationId == result.OrganizationId)
        {
            throw new DomainException("需求和成果属于同一单位，无需对接");
        }

        if (fromOrganizationId != need.OrganizationId && fromOrganizationId != result.OrganizationId)
        {
            throw new DomainException("只有需求或成果的发布单位可以发起对接");
        }

        if (string.IsNullOrWhiteSpace(message) || message.Trim().Length > 1000)
        {
            throw new DomainException("请填写对接意向说明（不超过1000字）", nameof(Message));
        }

        return new DockingRequest
        {
            Id = Guid.CreateVersion7(now), NeedId = need.Id, ResultId = result.Id, NeedOrganizationId = need.OrganizationId, ResultOrganizationId = result.OrganizationId,
            FromOrganizationId = fromOrganizationId, Message = message.Trim(), Status = DockingStatus.Pending, CreatedAt = now,
        };
    }

    public void Decide(Guid organizationId, bool accept, string? reply, DateTimeOffset now)
    {
        if (Status != DockingStatus.Pending)
        {
            throw new DomainException("该对接意向已回复");
        }

        if (!AwaitsAnswerFrom(organizationId))
        {
            throw new DomainException(IsBrokered && IsParty(organizationId) ? "本单位已接受该撮合，等待对方回复" : "只有收到意向的一方可以回复");
        }

        Reply = string.IsNullOrWhiteSpace(reply) ? Reply : reply.Trim();
        if (IsBrokered && accept)
        {
            NeedAcceptedAt = organizationId == NeedOrganizationId ? now : NeedAcceptedAt;
            ResultAcceptedAt = organizationId == ResultOrganizationId ? now : ResultAcceptedAt;
            if (NeedAcceptedAt is null || ResultAcceptedAt is null)
            {
                return;
            }
        }

        Status = accept ? DockingStatus.Accepted : DockingStatus.Declined;
        DecidedAt = now;
    }

    public void Post(Guid organizationId, string organizationName, string text, DateTimeOffset now)
    {
        if (Status != DockingStatus.Accepted || !(IsParty(organizationId) || organizationId == BrokerOrganizationId))
        {
            throw new DomainException("对接意向被接受后，双方才能在此沟通");
        }

        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length > 2000)
        {
            throw new DomainException("请填写留言内容（不超过2000字）", "text");
        }

        Thread.Add(new ThreadMessage(now, organizationId, organizationName, text.Trim()));
    }

    public void LinkContract(Guid contractId)
    {
        if (Status != DockingStatus.Accepted)
        {
            throw new DomainException("对接意向被接受后才能据此登记合同");
        }

        ContractId = contractId;
    }
}

/// <summary>A suggestion an organization does not want to see again.</summary>
public sealed record DismissedMatch(Guid OrganizationId, Guid NeedId, Guid ResultId);

/// <summary>The technology contract a docking most likely ends in, from the mode both sides accept and the result's IP.</summary>
public static class DockingContract
{
    public static (Contracts.TechContractType Type, Contracts.TechContractSubType? SubType) For(CooperationModes need, CooperationModes result, IpKind ip)
    {
        var common = need & result;
        var patent = ip is IpKind.InventionPatent or IpKind.UtilityModel;
        return common switch
        {
            _ when common.HasFlag(CooperationModes.Commissioned) => (Contracts.TechContractType.Development, Contracts.TechContractSubType.CommissionedDevelopment),
            _ when common.HasFlag(CooperationModes.Cooperation) => (Contracts.TechContractType.Development, Contracts.TechContractSubType.CooperativeDevelopment),
            _ when common.HasFlag(CooperationModes.Licence) => (Contracts.TechContractType.Licence,
                patent ? Contracts.TechContractSubType.PatentLicence : Contracts.TechContractSubType.KnowHowLicence),
            // 技术入股 is registered as a transfer.
            _ => (Contracts.TechContractType.Transfer, patent ? Contracts.TechContractSubType.PatentTransfer : Contracts.TechContractSubType.KnowHowTransfer),
        };
    }
}
