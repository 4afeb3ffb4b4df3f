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

public sealed record FundInvestment(Guid Id, string Project, string EnterpriseName, string CreditCode, InvestmentStage Stage, decimal Amount, DateOnly On);

/// <summary>The guidance sub-fund must put at least half of its investment into early-stage transfer projects.</summary>
public static class GuidanceFund
{
    public const decimal RequiredEarlyShare = 0.5m;

    public static (decimal Total, decimal Early, decimal? Share, bool Below) EarlyShare(IEnumerable<FundInvestment> investments)
    {
        var list = investments.ToList();
        var total = list.Sum(i => i.Amount);
        var early = list.Where(i => i.Stage == InvestmentStage.Early).Sum(i => i.Amount);
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
