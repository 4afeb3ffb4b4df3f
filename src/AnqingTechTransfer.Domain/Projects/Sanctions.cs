using AnqingTechTransfer.Domain.Experts;

namespace AnqingTechTransfer.Domain.Projects;

/// <summary>The sanctions of 《科学技术活动违规行为处理规定》 the bureau applies to a plan project (DOMAIN.md §2.1).</summary>
public enum SanctionKind
{
    /// <summary>通报批评.</summary>
    PublicCriticism = 1,
    /// <summary>限制申报 N years (1–5).</summary>
    ApplicationBan = 2,
    /// <summary>追回资金: an amount, a date it is due, and what has come back.</summary>
    FundRecovery = 3,
    /// <summary>终止任务书.</summary>
    Termination = 4,
}

/// <summary>
/// A sanction on a plan project's unit, and on the person responsible when there is one (a member of the project's team, by the
/// keyed hash of their ID number, the same key the expert pool uses). The formal check reads the unit's and the team's bans;
/// the expert pool's credit score reads a person's sanctions.
/// </summary>
public class ProjectSanction
{
    public const int MaxBanYears = 5;
    /// <summary>Credit points a sanction costs a person in the expert pool for three years.</summary>
    public const int CreditPenalty = 30;

    private ProjectSanction()
    {
    }

    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }
    public Guid OrganizationId { get; private set; }
    public string UnitName { get; private set; } = string.Empty;
    public string UnitCreditCode { get; private set; } = string.Empty;
    public string? PersonName { get; private set; }
    public string? PersonKey { get; private set; }
    public SanctionKind Kind { get; private set; }
    public string Reason { get; private set; } = string.Empty;
    public DateOnly DecidedOn { get; private set; }
    public DateOnly? BannedUntil { get; private set; }
    public decimal? RecoveryAmount { get; private set; }
    public DateOnly? RecoveryDueOn { get; private set; }
    public decimal RecoveredAmount { get; private set; }
    public DateOnly? RecoveredOn { get; private set; }
    public string RecordedBy { get; private set; } = string.Empty;
    public DateTimeOffset RecordedAt { get; private set; }

    public bool IsRecoveryOpen => Kind == SanctionKind.FundRecovery && RecoveredAmount < RecoveryAmount;

    public static ProjectSanction Impose(Project project, string unitName, string unitCreditCode, IReadOnlyList<TeamMember> team, SanctionKind kind, string? reason,
        DateOnly decidedOn, int? banYears, decimal? recoveryAmount, DateOnly? recoveryDueOn, string? personKey, string recordedBy, DateTimeOffset now)
    {
        Require(Enum.IsDefined(kind), "请选择处理方式", nameof(Kind));
        Require(!string.IsNullOrWhiteSpace(reason), "请填写处理事由", nameof(Reason));
        Require(reason!.Trim().Length <= 500, "处理事由不能超过500个字", nameof(Reason));
        var person = string.IsNullOrEmpty(personKey) ? null : team.FirstOrDefault(m => m.PersonKey == personKey);
        Require(string.IsNullOrEmpty(personKey) || person is not null, "责任人须是本项目团队成员", "PersonKey");
        var sanction = new ProjectSanction
        {
            Id = Guid.CreateVersion7(now),
            ProjectId = project.Id,
            OrganizationId = project.OrganizationId,
            UnitName = unitName,
            UnitCreditCode = unitCreditCode,
            PersonName = person?.Name,
            PersonKey = person?.PersonKey,
            Kind = kind,
            Reason = reason.Trim(),
            DecidedOn = decidedOn,
            RecordedBy = recordedBy,
            RecordedAt = now,
        };
        switch (kind)
        {
            case SanctionKind.ApplicationBan:
                Require(banYears is >= 1 and <= MaxBanYears, $"限制申报年限应为1至{MaxBanYears}年", "BanYears");
                sanction.BannedUntil = decidedOn.AddYears(banYears!.Value);
                break;
            case SanctionKind.FundRecovery:
                Require(recoveryAmount > 0 && recoveryAmount <= project.Disbursements.Sum(d => d.Amount),
                    $"追回金额应大于0且不超过已拨付的 {project.Disbursements.Sum(d => d.Amount):0.####} 万元", "RecoveryAmount");
                Require(recoveryDueOn is { } due && due >= decidedOn, "请填写不早于处理日期的追回期限", "RecoveryDueOn");
                sanction.RecoveryAmount = recoveryAmount;
                sanction.RecoveryDueOn = recoveryDueOn;
                break;
            case SanctionKind.Termination:
                project.Terminate(sanction.Reason);
                break;
        }

        return sanction;
    }

    /// <summary>Funds that came back (one or more payments); the recovery closes when the whole amount is in.</summary>
    public void RecordRecovery(decimal amount, DateOnly on)
    {
        Require(IsRecoveryOpen, "该处理没有待追回的资金");
        Require(amount > 0 && RecoveredAmount + amount <= RecoveryAmount, $"本次追回金额应大于0且累计不超过 {RecoveryAmount:0.####} 万元", "Amount");
        Require(on >= DecidedOn, "追回日期不能早于处理日期", "On");
        RecoveredAmount += amount;
        RecoveredOn = on;
    }

    public static string Name(SanctionKind kind) => kind switch
    {
        SanctionKind.PublicCriticism => "通报批评",
        SanctionKind.ApplicationBan => "限制申报",
        SanctionKind.FundRecovery => "追回资金",
        SanctionKind.Termination => "终止任务书",
        _ => kind.ToString(),
    };

    /// <summary>The last day of the bans in force on a day, among sanctions on the unit or on a person of the applying team.</summary>
    public static DateOnly? BannedUntilOn(IEnumerable<ProjectSanction> sanctions, DateOnly today) =>
        sanctions.Where(s => s.BannedUntil >= today).Max(s => s.BannedUntil);

    /// <summary>Points a person's sanctions of the last three years cost them in the expert pool's credit score.</summary>
    public static int PenaltyOn(IEnumerable<ProjectSanction> personSanctions, DateOnly today) =>
        personSanctions.Count(s => s.DecidedOn > today.AddYears(-3)) * CreditPenalty;

    private static void Require(bool condition, string message, string? field = null)
    {
        if (!condition)
        {
            throw new DomainException(message, field);
        }
    }
}
