namespace AnqingTechTransfer.Domain.Finance;

/// <summary>
/// 风险补偿资金池合作协议: a cooperating bank's agreement for a period — the share of the principal loss the pool pays,
/// the cap of all compensation under it, and the non-performing ratio above which the bank is suspended.
/// </summary>
public class CooperationAgreement
{
    private CooperationAgreement()
    {
    }

    public Guid Id { get; private set; }
    public Guid BankOrganizationId { get; private set; }
    public string BankName { get; private set; } = string.Empty;
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }
    /// <summary>Share of the overdue principal the pool compensates (e.g. 0.5).</summary>
    public decimal PoolShare { get; private set; }
    /// <summary>The most the pool pays under this agreement, 万元.</summary>
    public decimal Cap { get; private set; }
    /// <summary>Suspension above this non-performing ratio (e.g. 0.05).</summary>
    public decimal NplThreshold { get; private set; }
    public bool Suspended { get; private set; }
    public string? SuspensionReason { get; private set; }
    public uint Version { get; private set; }

    public static CooperationAgreement Sign(Guid bankOrganizationId, string bankName, DateOnly from, DateOnly to, decimal poolShare, decimal cap, decimal nplThreshold,
        DateTimeOffset now)
    {
        if (to <= from)
        {
            throw new DomainException("协议终止日期应晚于起始日期", nameof(To));
        }

        if (poolShare is <= 0 or > 1)
        {
            throw new DomainException("补偿比例应大于0且不超过100%", nameof(PoolShare));
        }

        if (cap <= 0)
        {
            throw new DomainException("补偿上限应大于0", nameof(Cap));
        }

        if (nplThreshold is <= 0 or >= 1)
        {
            throw new DomainException("不良率暂停阈值应在0至100%之间", nameof(NplThreshold));
        }

        return new CooperationAgreement
        {
            Id = Guid.CreateVersion7(now), BankOrganizationId = bankOrganizationId, BankName = bankName, From = from, To = to, PoolShare = poolShare, Cap = cap,
            NplThreshold = nplThreshold,
        };
    }

    public bool CoversOn(DateOnly day) => day >= From && day <= To;

    /// <summary>The bank's non-performing ratio: overdue principal over all outstanding principal of its tech loans.</summary>
    public static decimal NonPerformingRatio(decimal overdue, decimal outstanding) => outstanding <= 0 ? 0 : decimal.Round(overdue / outstanding, 4);

    /// <summary>The ratio over a bank's loans: the defaulted ones' principal over all principal still owed.</summary>
    public static decimal NonPerformingRatio(IEnumerable<LoanApplication> loans)
    {
        var owed = loans.Where(l => l.Outstanding > 0).ToList();
        return NonPerformingRatio(owed.Where(l => l.Status == LoanStatus.Defaulted).Sum(l => l.Outstanding), owed.Sum(l => l.Outstanding));
    }

    /// <summary>Checks the bank's current ratio: above the threshold the bank is suspended; back under it, reinstated.</summary>
    public void Review(decimal ratio)
    {
        if (ratio > NplThreshold)
        {
            Suspended = true;
            SuspensionReason = $"不良率 {ratio:P2} 超过暂停阈值 {NplThreshold:P2}";
        }
        else
        {
            Suspended = false;
            SuspensionReason = null;
        }
    }
}

public enum ClaimStatus
{
    Filed = 1,
    Approved = 2,
    Rejected = 3,
}

public sealed record Recovery(DateOnly On, decimal Amount, decimal ReturnedToPool);

/// <summary>
/// 风险补偿申请: on a defaulted loan the bank claims the pool's share of the overdue principal (within what is left of the
/// agreement's cap); the bureau approves an amount (at most the claim) or rejects it, by a due date in working days; money the
/// bank recovers later is returned to the pool pro rata.
/// </summary>
public class CompensationClaim
{
    private CompensationClaim()
    {
    }

    public Guid Id { get; private set; }
    public Guid AgreementId { get; private set; }
    public Guid BankOrganizationId { get; private set; }
    public Guid LoanId { get; private set; }
    public string EnterpriseName { get; private set; } = string.Empty;
    public string RegionCode { get; private set; } = string.Empty;
    public decimal OverduePrincipal { get; private set; }
    public decimal Ratio { get; private set; }
    public decimal Requested { get; private set; }
    public string Evidence { get; private set; } = string.Empty;
    public ClaimStatus Status { get; private set; }
    public decimal? ApprovedAmount { get; private set; }
    public string? Reason { get; private set; }
    public DateOnly FiledOn { get; private set; }
    public DateOnly DueBy { get; private set; }
    public List<Recovery> Recoveries { get; private set; } = [];
    public uint Version { get; private set; }

    public decimal ReturnedToPool => Recoveries.Sum(r => r.ReturnedToPool);

    public static CompensationClaim File(CooperationAgreement agreement, LoanApplication loan, decimal alreadyCompensated, string evidence, DateOnly today, DateOnly dueBy,
        DateTimeOffset now)
    {
        if (loan.BankOrganizationId != agreement.BankOrganizationId)
        {
            throw new DomainException("只能就本行的贷款申请补偿");
        }

        if (agreement.Suspended)
        {
            throw new DomainException($"合作已暂停（{agreement.SuspensionReason}），暂不受理补偿申请");
        }

        if (loan.DisbursedOn is not { } disbursed || !agreement.CoversOn(disbursed))
        {
            throw new DomainException("该笔贷款不在合作协议期内发放，不属于风险补偿范围");
        }

        if (loan.Status != LoanStatus.Defaulted)
        {
            throw new DomainException("只有登记逾期的贷款可以申请补偿");
        }

        if (string.IsNullOrWhiteSpace(evidence))
        {
            throw new DomainException("请说明逾期和追偿情况（证明材料编号等）", nameof(Evidence));
        }

        var overdue = loan.Outstanding;
        var requested = decimal.Round(Math.Min(overdue * agreement.PoolShare, Math.Max(0, agreement.Cap - alreadyCompensated)), 2);
        if (requested <= 0)
        {
            throw new DomainException("本协议补偿额度已用完");
        }

        return new CompensationClaim
        {
            Id = Guid.CreateVersion7(now), AgreementId = agreement.Id, BankOrganizationId = agreement.BankOrganizationId, LoanId = loan.Id, EnterpriseName = loan.EnterpriseName,
            RegionCode = loan.RegionCode, OverduePrincipal = overdue, Ratio = agreement.PoolShare, Requested = requested, Evidence = evidence.Trim(), Status = ClaimStatus.Filed,
            FiledOn = today, DueBy = dueBy,
        };
    }

    public void Decide(bool approve, decimal? amount, string reason)
    {
        if (Status != ClaimStatus.Filed)
        {
            throw new DomainException("该申请已有结论");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("请填写审核意见", nameof(Reason));
        }

        if (approve && (amount is null or <= 0 || amount > Requested))
        {
            throw new DomainException($"核定金额应大于0且不超过申请金额 {Requested:#,##0.##} 万元", nameof(ApprovedAmount));
        }

        Status = approve ? ClaimStatus.Approved : ClaimStatus.Rejected;
        ApprovedAmount = approve ? amount : null;
        Reason = reason.Trim();
    }

    /// <summary>Money recovered from the borrower after compensation: the pool gets back its share of it (approved ÷ overdue).</summary>
    public Recovery Recover(DateOnly on, decimal amount)
    {
        if (Status != ClaimStatus.Approved)
        {
            throw new DomainException("补偿核定后才能登记追偿回收");
        }

        var recovered = Recoveries.Sum(r => r.Amount);
        if (amount <= 0 || recovered + amount > OverduePrincipal)
        {
            throw new DomainException($"回收金额应大于0，累计不超过逾期本金 {OverduePrincipal:#,##0.##} 万元");
        }

        var recovery = new Recovery(on, amount, decimal.Round(amount * ApprovedAmount!.Value / OverduePrincipal, 2));
        Recoveries.Add(recovery);
        return recovery;
    }
}

public enum InvestmentStage
{
    /// <summary>初创期（种子、天使）: counts as early-stage transfer</summary>
    Early = 1,
    Growth = 2,
    Mature = 3,
}

/// <summary>One correction of a fund investment: who made it, when, why, and each changed field before → after.</summary>
public sealed record InvestmentCorrection(DateTimeOffset At, string By, string Reason, string Changes);

/// <summary>
/// 引导基金投资: one investment of the sub-fund with its stage. A recorded investment is corrected, never silently
/// overwritten: each correction names its reason and is kept with who made it, when, and what changed (before → after).
/// </summary>
public sealed class FundInvestment
{
    private FundInvestment()
    {
    }

    public FundInvestment(Guid id, string project, string enterpriseName, string creditCode, InvestmentStage stage, decimal amount, DateOnly on)
    {
        Validate(project, enterpriseName, creditCode, amount);
        (Id, Project, EnterpriseName, CreditCode, Stage, Amount, On) = (id, project.Trim(), enterpriseName.Trim(), creditCode.Trim(), stage, amount, on);
    }

    public Guid Id { get; private set; }
    public string Project { get; private set; } = string.Empty;
    public string EnterpriseName { get; private set; } = string.Empty;
    public string CreditCode { get; private set; } = string.Empty;
    public InvestmentStage Stage { get; private set; }
    public decimal Amount { get; private set; }
    public DateOnly On { get; private set; }
    public List<InvestmentCorrection> Corrections { get; private set; } = [];
    public uint Version { get; private set; }

    public static string StageName(InvestmentStage stage) => stage switch { InvestmentStage.Early => "初创期", InvestmentStage.Growth => "成长期", _ => "成熟期" };

    /// <summary>Corrects the investment with a reason; the changed fields are kept as before → after.</summary>
    public InvestmentCorrection Correct(string project, string enterpriseName, string creditCode, InvestmentStage stage, decimal amount, DateOnly on, string reason,
        string by, DateTimeOffset now)
    {
        Validate(project, enterpriseName, creditCode, amount);
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("请填写更正原因", "Reason");
        }

        (project, enterpriseName, creditCode) = (project.Trim(), enterpriseName.Trim(), creditCode.Trim());
        var changes = new List<string>();
        void Note(string field, string before, string after)
        {
            if (before != after)
            {
                changes.Add($"{field}：{(before.Length == 0 ? "（空）" : before)} → {(after.Length == 0 ? "（空）" : after)}");
            }
        }

        Note("投资项目", Project, project);
        Note("被投企业", EnterpriseName, enterpriseName);
        Note("统一社会信用代码", CreditCode, creditCode);
        Note("阶段", StageName(Stage), StageName(stage));
        Note("金额（万元）", Amount.ToString("0.##"), amount.ToString("0.##"));
        Note("投资日期", On.ToString("yyyy-MM-dd"), on.ToString("yyyy-MM-dd"));
        if (changes.Count == 0)
        {
            throw new DomainException("更正内容与原登记相同，没有需要更正的内容");
        }

        (Project, EnterpriseName, CreditCode, Stage, Amount, On) = (project, enterpriseName, creditCode, stage, amount, on);
        var correction = new InvestmentCorrection(now, by, reason.Trim(), string.Join("；", changes));
        Corrections.Add(correction);
        return correction;
    }

    private static void Validate(string project, string enterpriseName, string creditCode, decimal amount)
    {
        if (string.IsNullOrWhiteSpace(project) || string.IsNullOrWhiteSpace(enterpriseName) || amount <= 0)
        {
            throw new DomainException("请填写投资项目、被投企业和大于0的投资金额");
        }

        if (project.Trim().Length > 200 || enterpriseName.Trim().Length > 200 || creditCode.Trim().Length > 18)
        {
            throw new DomainException("投资项目和被投企业不超过200字，统一社会信用代码为18位");
        }

        if (amount >= 1_000_000_000)
        {
            throw new DomainException("投资金额以万元计，请核对", nameof(Amount));
        }
    }
}

/// <summary>The guidance sub-fund must put at least half of its investment into early-stage transfer projects.</summary>
public static class GuidanceFund
{
    public const decimal RequiredEarlyShare = 0.5m;

    public static (decimal Total, decimal Early, decimal? Share, bool Below) EarlyShare(IEnumerable<FundInvestment> investments)
    {
        var list = investments.ToList();
        return EarlyShare(list.Sum(i => i.Amount), list.Where(i => i.Stage == InvestmentStage.Early).Sum(i => i.Amount));
    }

    /// <summary>The share from the period's sums (computed by the database over every investment of the period).</summary>
    public static (decimal Total, decimal Early, decimal? Share, bool Below) EarlyShare(decimal total, decimal early)
    {
        decimal? share = total == 0 ? null : decimal.Round(early / total, 4);
        return (total, early, share, share < RequiredEarlyShare);
    }
}

/// <summary>
/// 银行年度科技金融数据: what a bank reports for the yearly evaluation — tech loans, credit loans, tech insurance and
/// guarantees (万元) — one record per bank and year, corrected by the bank until the bureau locks the year.
/// </summary>
public class BankYearFigures
{
    private BankYearFigures()
    {
    }

    public Guid Id { get; private set; }
    public Guid BankOrganizationId { get; private set; }
    public string BankName { get; private set; } = string.Empty;
    public int Year { get; private set; }
    public decimal TechLoans { get; private set; }
    public decimal CreditLoans { get; private set; }
    public decimal Insurance { get; private set; }
    public decimal Guarantees { get; private set; }
    public uint Version { get; private set; }

    public static BankYearFigures Report(Guid bankOrganizationId, string bankName, int year, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), BankOrganizationId = bankOrganizationId, BankName = bankName, Year = year };

    /// <summary>Refuses a report or correction of a year the bureau has locked.</summary>
    public static void EnsureOpen(int year, BankFiguresLock? yearLock)
    {
        if (yearLock is not null && yearLock.Year == year)
        {
            throw new DomainException($"{year}年度数据已由市科技局锁定，不能再报送或修改");
        }
    }

    public void Set(decimal techLoans, decimal creditLoans, decimal insurance, decimal guarantees)
    {
        if (techLoans < 0 || creditLoans < 0 || insurance < 0 || guarantees < 0)
        {
            throw new DomainException("金额不能为负数");
        }

        if (creditLoans > techLoans)
        {
            throw new DomainException("科技信用贷款是科技贷款的一部分，不能大于科技贷款", nameof(CreditLoans));
        }

        (TechLoans, CreditLoans, Insurance, Guarantees) = (techLoans, creditLoans, insurance, guarantees);
    }
}

/// <summary>
/// 年度数据锁定: once the bureau locks a year (for the yearly evaluation), no bank can report or correct that year's
/// figures. One row per locked year; a lock is not undone.
/// </summary>
public class BankFiguresLock
{
    private BankFiguresLock()
    {
    }

    public int Year { get; private set; }
    public DateTimeOffset LockedAt { get; private set; }
    public string LockedBy { get; private set; } = string.Empty;

    public static BankFiguresLock Lock(int year, int currentYear, string lockedBy, DateTimeOffset now)
    {
        if (year < 2021 || year > currentYear)
        {
            throw new DomainException("年度应在2021年至今年之间", nameof(Year));
        }

        return new BankFiguresLock { Year = year, LockedAt = now, LockedBy = lockedBy };
    }
}
