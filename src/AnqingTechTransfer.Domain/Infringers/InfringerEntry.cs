using AnqingTechTransfer.Domain.Organizations;

namespace AnqingTechTransfer.Domain.Infringers;

public enum InfringementKind
{
    /// <summary>重复侵权</summary>
    Repeat = 1,
    /// <summary>故意侵权</summary>
    Wilful = 2,
}

public enum InfringedRight
{
    Patent = 1,
    Trademark = 2,
    Copyright = 3,
    TradeSecret = 4,
    Other = 9,
}

public enum InfringerListing
{
    /// <summary>列入</summary>
    Listed = 1,
    /// <summary>移出: taken off before the end of the period (e.g. decision revoked).</summary>
    Removed = 2,
    /// <summary>信用修复: the enterprise repaired its credit and was taken off.</summary>
    CreditRepaired = 3,
}

public static class InfringerNames
{
    public static string Name(this InfringementKind kind) => kind switch
    {
        InfringementKind.Repeat => "重复侵权",
        InfringementKind.Wilful => "故意侵权",
        _ => kind.ToString(),
    };

    public static string Name(this InfringedRight right) => right switch
    {
        InfringedRight.Patent => "专利权",
        InfringedRight.Trademark => "商标权",
        InfringedRight.Copyright => "著作权",
        InfringedRight.TradeSecret => "商业秘密",
        _ => "其他",
    };

    public static string Name(this InfringerListing listing) => listing switch
    {
        InfringerListing.Listed => "列入",
        InfringerListing.Removed => "已移出",
        InfringerListing.CreditRepaired => "已信用修复",
        _ => listing.ToString(),
    };
}

/// <summary>
/// 重复侵权、故意侵权企业名录 (DOMAIN.md §8.3): kept by the market supervision bureau. An entry is public while it is listed and
/// within its publication period; while it is, the enterprise fails the projects' formal check and is refused tech loans.
/// </summary>
public class InfringerEntry
{
    private InfringerEntry()
    {
    }

    public Guid Id { get; private set; }
    public string EnterpriseName { get; private set; } = string.Empty;
    public string CreditCode { get; private set; } = string.Empty;
    public InfringementKind Kind { get; private set; }
    public InfringedRight Right { get; private set; }
    public string DecisionNumber { get; private set; } = string.Empty;
    public string Authority { get; private set; } = string.Empty;
    public DateOnly DecidedOn { get; private set; }
    public DateOnly PublishFrom { get; private set; }
    public DateOnly PublishUntil { get; private set; }
    public InfringerListing Listing { get; private set; }
    public string? RemovalReason { get; private set; }
    public DateOnly? RemovedOn { get; private set; }
    public Guid RecordedByOrganizationId { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public uint Version { get; private set; }

    public static InfringerEntry Record(string enterpriseName, string creditCode, InfringementKind kind, InfringedRight right, string decisionNumber,
        string authority, DateOnly decidedOn, DateOnly publishFrom, DateOnly publishUntil, Guid recordedBy, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(enterpriseName))
        {
            throw new DomainException("请填写企业名称", nameof(EnterpriseName));
        }

        var code = Organizations.CreditCode.Normalize(creditCode);
        if (Organizations.CreditCode.Check(code) == CreditCodeVerdict.InvalidFormat)
        {
            throw new DomainException(Organizations.CreditCode.Message(CreditCodeVerdict.InvalidFormat), nameof(CreditCode));
        }

        if (!Enum.IsDefined(kind))
        {
            throw new DomainException("请选择侵权类型", nameof(Kind));
        }

        if (!Enum.IsDefined(right))
        {
            throw new DomainException("请选择知识产权类型", nameof(Right));
        }

        if (string.IsNullOrWhiteSpace(decisionNumber))
        {
            throw new DomainException("请填写决定书或判决书文号", nameof(DecisionNumber));
        }

        if (string.IsNullOrWhiteSpace(authority))
        {
            throw new DomainException("请填写作出决定的机关", nameof(Authority));
        }

        if (publishFrom < decidedOn)
        {
            throw new DomainException("公布起始日不能早于决定日期", nameof(PublishFrom));
        }

        if (publishUntil < publishFrom || publishUntil > publishFrom.AddYears(5))
        {
            throw new DomainException("公布截止日应晚于起始日，且公布期不超过5年", nameof(PublishUntil));
        }

        return new InfringerEntry
        {
            Id = Guid.CreateVersion7(now), EnterpriseName = enterpriseName.Trim(), CreditCode = code, Kind = kind, Right = right,
            DecisionNumber = decisionNumber.Trim(), Authority = authority.Trim(), DecidedOn = decidedOn, PublishFrom = publishFrom, PublishUntil = publishUntil,
            Listing = InfringerListing.Listed, RecordedByOrganizationId = recordedBy, RecordedAt = now,
        };
    }

    /// <summary>Listed and within its publication period: shown to the public and held against the enterprise.</summary>
    public bool IsInForce(DateOnly today) => Listing == InfringerListing.Listed && PublishFrom <= today && today <= PublishUntil;

    public void TakeOff(InfringerListing outcome, string reason, DateOnly today)
    {
        if (Listing != InfringerListing.Listed)
        {
            throw new DomainException("该企业已移出名录");
        }

        if (outcome == InfringerListing.Listed || !Enum.IsDefined(outcome))
        {
            throw new DomainException("请选择移出方式", nameof(Listing));
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("请填写移出或信用修复的依据", nameof(RemovalReason));
        }

        Listing = outcome;
        RemovalReason = reason.Trim();
        RemovedOn = today;
    }
}
