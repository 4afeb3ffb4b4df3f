namespace AnqingTechTransfer.Domain.Finance;

public enum LoanKind
{
    /// <summary>科技研发贷</summary>
    Research = 1,
    /// <summary>科技成果转化贷</summary>
    Transfer = 2,
    /// <summary>人才贷</summary>
    Talent = 3,
    /// <summary>知识产权质押贷</summary>
    IpPledge = 4,
    Other = 9,
}

/// <summary>The qualifications a product asks for; an enterprise is eligible when it holds any one of them (none: any enterprise).</summary>
[Flags]
public enum Qualifications
{
    None = 0,
    /// <summary>高新技术企业 (a certificate valid on the day)</summary>
    HighTech = 1,
    /// <summary>科技型中小企业 (registered this year)</summary>
    TechSme = 2,
    /// <summary>专精特新 (recognised within its three-year validity)</summary>
    Specialized = 4,
}

/// <summary>A bank's technology loan product; public once published.</summary>
public class LoanProduct
{
    private LoanProduct()
    {
    }

    public Guid Id { get; private set; }
    public Guid BankOrganizationId { get; private set; }
    public string BankName { get; private set; } = string.Empty;
    public string Name { get; private set; } = string.Empty;
    public LoanKind Kind { get; private set; }
    public decimal RateMin { get; private set; }
    public decimal RateMax { get; private set; }
    public decimal AmountMin { get; private set; }
    public decimal AmountMax { get; private set; }
    public int TermMonths { get; private set; }
    public Qualifications Requires { get; private set; }
    public string Description { get; private set; } = string.Empty;
    public bool IsPublished { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public uint Version { get; private set; }

    public static LoanProduct Create(Guid bankOrganizationId, string bankName, string name, LoanKind kind, decimal rateMin, decimal rateMax, decimal amountMin,
        decimal amountMax, int termMonths, Qualifications requires, string description, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100)
        {
            throw new DomainException("请填写产品名称（不超过100字）", nameof(Name));
        }

        if (rateMin <= 0 || rateMax < rateMin || rateMax > 36)
        {
            throw new DomainException("年利率区间应大于0、下限不高于上限，且不超过36%", nameof(RateMax));
        }

        if (amountMin <= 0 || amountMax < amountMin)
        {
            throw new DomainException("额度区间应大于0，且下限不高于上限", nameof(AmountMax));
        }

        if (termMonths is < 1 or > 120)
        {
            throw new DomainException("期限应为1至120个月", nameof(TermMonths));
        }

        return new LoanProduct
        {
            Id = Guid.CreateVersion7(now), BankOrganizationId = bankOrganizationId, BankName = bankName, Name = name.Trim(), Kind = kind, RateMin = rateMin, RateMax = rateMax,
            AmountMin = amountMin, AmountMax = amountMax, TermMonths = termMonths, Requires = requires, Description = (description ?? string.Empty).Trim(),
            IsPublished = true, CreatedAt = now,
        };
    }

    public void Withdraw() => IsPublished = false;

    public void Republish() => IsPublished = true;

    /// <summary>Why an enterprise with these qualifications may not apply, or nothing when it may.</summary>
    public string? Ineligibility(Qualifications held) =>
        Requires == Qualifications.None || (Requires & held) != Qualifications.None
            ? null
            : $"本产品面向{FinanceNames.Names(Requires)}，贵单位目前不具备上述资质（以平台登记的有效资质为准）";
}

public enum LoanStatus
{
    Applied = 1,
    Approved = 2,
    Rejected = 3,
    Disbursed = 4,
    Settled = 5,
    Defaulted = 6,
}

public sealed record Repayment(DateOnly On, decimal Principal);

/// <summary>
/// 科技贷款申请: an eligible enterprise applies to a product within its amount range; the bank approves (an amount within
/// the range) or rejects with a reason, records the disbursement and the repayments, and marks a default.
/// </summary>
public class LoanApplication
{
    private LoanApplication()
    {
    }

    public Guid Id { get; private set; }
    public Guid ProductId { get; private set; }
    public string ProductName { get; private set; } = string.Empty;
    public Guid BankOrganizationId { get; private set; }
    public Guid OrganizationId { get; private set; }
    public string EnterpriseName { get; private set; } = string.Empty;
    public string CreditCode { get; private set; } = string.Empty;
    public string RegionCode { get; private set; } = string.Empty;
    public decimal Amount { get; private set; }
    public string Purpose { get; private set; } = string.Empty;
    public Qualifications HeldAtApplication { get; private set; }
    public LoanStatus Status { get; private set; }
    public string? Reason { get; private set; }
    public decimal? ApprovedAmount { get; private set; }
    public decimal? Rate { get; private set; }
    public DateOnly? DisbursedOn { get; private set; }
    public List<Repayment> Repayments { get; private set; } = [];
    public DateTimeOffset CreatedAt { get; private set; }
    public uint Version { get; private set; }

    public decimal Outstanding => Status is LoanStatus.Disbursed or LoanStatus.Defaulted ? (ApprovedAmount ?? 0) - Repayments.Sum(r => r.Principal) : 0;

    public static LoanApplication Apply(LoanProduct product, Guid organizationId, string enterpriseName, string creditCode, string regionCode, Qualifications held,
        decimal amount, string purpose, DateTimeOffset now)
    {
        if (!product.IsPublished)
        {
            throw new DomainException("该产品已下架");
        }

        if (product.Ineligibility(held) is { } why)
        {
            throw new DomainException(why);
        }

        if (amount < product.AmountMin || amount > product.AmountMax)
        {
            throw new DomainException($"申请金额应在 {product.AmountMin:#,##0.##} 至 {product.AmountMax:#,##0.##} 万元之间", nameof(Amount));
        }

        if (string.IsNullOrWhiteSpace(purpose))
        {
            throw new DomainException("请填写贷款用途", nameof(Purpose));
        }

        return new LoanApplication
        {
            Id = Guid.CreateVersion7(now), ProductId = product.Id, ProductName = product.Name, BankOrganizationId = product.BankOrganizationId, OrganizationId = organizationId,
            EnterpriseName = enterpriseName, CreditCode = creditCode, RegionCode = regionCode, Amount = amount, Purpose = purpose.Trim(), HeldAtApplication = held,
            Status = LoanStatus.Applied, CreatedAt = now,
        };
    }

    public void Decide(LoanProduct product, bool approve, decimal? amount, decimal? rate, string? reason)
    {
        Require(Status == LoanStatus.Applied, "该申请已有结论");
        if (!approve)
        {
            Require(!string.IsNullOrWhiteSpace(reason), "不予授信须说明理由");
            Status = LoanStatus.Rejected;
            Reason = reason!.Trim();
            return;
        }

        if (amount is null || amount <= 0 || amount > product.AmountMax)
        {
            throw new DomainException($"授信金额应大于0且不超过产品上限 {product.AmountMax:#,##0.##} 万元", nameof(ApprovedAmount));
        }

        if (rate is null || rate < product.RateMin || rate > product.RateMax)
        {
            throw new DomainException($"执行利率应在 {product.RateMin}% 至 {product.RateMax}% 之间", nameof(Rate));
        }

        Status = LoanStatus.Approved;
        ApprovedAmount = amount;
        Rate = rate;
        Reason = reason?.Trim();
    }

    public void Disburse(DateOnly on)
    {
        Require(Status == LoanStatus.Approved, "批准后才能登记放款");
        Status = LoanStatus.Disbursed;
        DisbursedOn = on;
    }

    public void Repay(DateOnly on, decimal principal)
    {
        Require(Status == LoanStatus.Disbursed, "放款后才能登记还款");
        Require(principal > 0 && principal <= Outstanding, $"还款本金应大于0且不超过未还本金 {Outstanding:#,##0.##} 万元");
        Repayments.Add(new Repayment(on, principal));
        if (Outstanding == 0)
        {
            Status = LoanStatus.Settled;
        }
    }

    public void MarkDefault(string reason)
    {
        Require(Status == LoanStatus.Disbursed, "只有放款未结清的贷款可以登记逾期");
        Require(!string.IsNullOrWhiteSpace(reason), "请说明逾期情况");
        Status = LoanStatus.Defaulted;
        Reason = reason.Trim();
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new DomainException(message);
        }
    }
}

public static class FinanceNames
{
    public static string Name(LoanKind kind) => kind switch
    {
        LoanKind.Research => "科技研发贷",
        LoanKind.Transfer => "科技成果转化贷",
        LoanKind.Talent => "人才贷",
        LoanKind.IpPledge => "知识产权质押贷",
        _ => "其他科技贷款",
    };

    public static string Names(Qualifications q) => q == Qualifications.None
        ? "所有企业"
        : string.Join("或", new[] { (Qualifications.HighTech, "高新技术企业"), (Qualifications.TechSme, "科技型中小企业"), (Qualifications.Specialized, "专精特新企业") }
            .Where(x => q.HasFlag(x.Item1)).Select(x => x.Item2));

    public static string Name(LoanStatus status) => status switch
    {
        LoanStatus.Applied => "待审批",
        LoanStatus.Approved => "已批准",
        LoanStatus.Rejected => "不予授信",
        LoanStatus.Disbursed => "已放款",
        LoanStatus.Settled => "已结清",
        _ => "逾期",
    };
}
