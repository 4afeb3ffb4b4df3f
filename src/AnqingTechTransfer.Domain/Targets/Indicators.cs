namespace AnqingTechTransfer.Domain.Targets;

/// <summary>How an indicator's actual value is obtained: computed from the portal's records, or entered by the bureau.</summary>
public enum IndicatorSource
{
    /// <summary>高新技术企业数: enterprises holding a confirmed certificate valid on 31 December.</summary>
    HighTechCount = 1,
    /// <summary>科技型中小企业数: enterprises registered (入库) in the year.</summary>
    TechSmeCount = 2,
    /// <summary>技术合同成交额 of registered contracts: for a county or park, those with the seller or the buyer there.</summary>
    ContractAmount = 3,
    /// <summary>技术交易额 of registered contracts, same scope rule as 成交额.</summary>
    TechAmount = 4,
    /// <summary>吸纳: 成交额 of contracts whose buyer is in the county or park.</summary>
    AbsorbedAmount = 5,
    /// <summary>输出: 成交额 of contracts whose seller is in the county or park.</summary>
    OutputAmount = 6,
    /// <summary>Entered yearly by the bureau (e.g. R&amp;D spending from the statistics bureau).</summary>
    Entered = 9,
}

public static class IndicatorSources
{
    public static string Describe(this IndicatorSource source) => source switch
    {
        IndicatorSource.HighTechCount => "当年12月31日持有有效高新技术企业证书（已确认）的企业数，重新认定不重复计算",
        IndicatorSource.TechSmeCount => "当年入库登记的科技型中小企业数（已确认）",
        IndicatorSource.ContractAmount => "当年登记的技术合同成交额；县（市、区）、园区为卖方或买方在本地的合同，每份只计一次",
        IndicatorSource.TechAmount => "当年登记的技术合同技术交易额；县（市、区）、园区为卖方或买方在本地的合同，每份只计一次",
        IndicatorSource.AbsorbedAmount => "当年登记、买方在本地的技术合同成交额（吸纳）",
        IndicatorSource.OutputAmount => "当年登记、卖方在本地的技术合同成交额（输出）",
        IndicatorSource.Entered => "由市科技局按年度录入",
        _ => source.ToString(),
    };

    /// <summary>
    /// Whether the city's value is the sum of its counties' and parks'. Counts of enterprises are (each enterprise belongs
    /// to one place), as are 吸纳 and 输出; 成交额 of a county counts contracts on either side, so a contract between two
    /// counties appears in both, and the city counts it once; entered values are entered for the city separately.
    /// </summary>
    public static bool IsAdditive(this IndicatorSource source) => source is IndicatorSource.HighTechCount or IndicatorSource.TechSmeCount
        or IndicatorSource.AbsorbedAmount or IndicatorSource.OutputAmount;

    public static bool IsComputed(this IndicatorSource source) => source != IndicatorSource.Entered;
}

/// <summary>An indicator of the plan (data, not code): the cockpit shows every active one.</summary>
public class Indicator
{
    private Indicator()
    {
    }

    public Guid Id { get; private set; }
    public string Key { get; private set; } = string.Empty;
    public string Name { get; private set; } = string.Empty;
    public string Unit { get; private set; } = string.Empty;
    public IndicatorSource Source { get; private set; }
    public int SortOrder { get; private set; }
    public bool IsActive { get; private set; }
    /// <summary>Shown as the headline of the cockpit (the plan's doubling targets and 吸纳).</summary>
    public bool IsHeadline { get; private set; }

    public static Indicator Create(string key, string name, string unit, IndicatorSource source, int sortOrder, bool isHeadline, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(key) || !key.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
        {
            throw new DomainException("指标代码只能包含小写字母、数字和下划线", nameof(Key));
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainException("请填写指标名称", nameof(Name));
        }

        return new Indicator
        {
            Id = Guid.CreateVersion7(now), Key = key, Name = name.Trim(), Unit = unit.Trim(), Source = source, SortOrder = sortOrder,
            IsActive = true, IsHeadline = isHeadline,
        };
    }
}

/// <summary>
/// A reference value of an indicator for a scope and year, with where it comes from. The 2021 baselines are not known to
/// the developers (DOMAIN.md §6): the bureau enters the official ones; demo values are marked as such.
/// </summary>
public class KpiBaseline
{
    private KpiBaseline()
    {
    }

    public Guid Id { get; private set; }
    public Guid IndicatorId { get; private set; }
    public string RegionCode { get; private set; } = string.Empty;
    public int Year { get; private set; }
    public decimal Value { get; private set; }
    public string SourceDocument { get; private set; } = string.Empty;
    public string? SourceUrl { get; private set; }
    public string EnteredBy { get; private set; } = string.Empty;
    public DateTimeOffset EnteredAt { get; private set; }
    public bool IsVerified { get; private set; }
    public bool IsDemo { get; private set; }
    public uint Version { get; private set; }

    public static KpiBaseline Create(Guid indicatorId, string regionCode, int year, decimal value, string sourceDocument, string? sourceUrl,
        string enteredBy, bool verified, bool isDemo, DateTimeOffset now)
    {
        var baseline = new KpiBaseline { Id = Guid.CreateVersion7(now), IndicatorId = indicatorId, RegionCode = regionCode, Year = year };
        baseline.Set(value, sourceDocument, sourceUrl, enteredBy, verified, now);
        baseline.IsDemo = isDemo;
        return baseline;
    }

    /// <summary>Re-entering a baseline replaces the value and its source; it is no longer demo data.</summary>
    public void Set(decimal value, string sourceDocument, string? sourceUrl, string enteredBy, bool verified, DateTimeOffset now)
    {
        KpiEnteredValue.RequireSourcedValue(value, sourceDocument);

        if (!string.IsNullOrWhiteSpace(sourceUrl) && !(Uri.TryCreate(sourceUrl.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            throw new DomainException("来源链接应为 http 或 https 地址", nameof(SourceUrl));
        }

        Value = value;
        SourceDocument = sourceDocument.Trim();
        SourceUrl = string.IsNullOrWhiteSpace(sourceUrl) ? null : sourceUrl.Trim();
        EnteredBy = enteredBy;
        EnteredAt = now;
        IsVerified = verified;
        IsDemo = false;
    }
}

/// <summary>A plan period (规划期): from a baseline year to a final year, with the multiple to reach (2021 → 2025, ×2).</summary>
public class PlanPeriod
{
    private PlanPeriod()
    {
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = string.Empty;
    public int BaselineYear { get; private set; }
    public int FinalYear { get; private set; }
    public decimal Multiple { get; private set; }
    public PathShape Shape { get; private set; }

    public static PlanPeriod Create(string name, int baselineYear, int finalYear, decimal multiple, PathShape shape, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainException("请填写规划期名称", nameof(Name));
        }

        if (baselineYear is < 2000 or > 2100 || finalYear is < 2000 or > 2100)
        {
            throw new DomainException("年度不在有效范围内", nameof(FinalYear));
        }

        if (finalYear <= baselineYear || finalYear - baselineYear > 10)
        {
            throw new DomainException("目标年度应晚于基期年度，且规划期不超过10年", nameof(FinalYear));
        }

        if (multiple is <= 0 or > 100)
        {
            throw new DomainException("目标倍数应大于0且不超过100", nameof(Multiple));
        }

        return new PlanPeriod
        {
            Id = Guid.CreateVersion7(now), Name = name.Trim(), BaselineYear = baselineYear, FinalYear = finalYear, Multiple = multiple, Shape = shape,
        };
    }

    public bool Covers(int year) => year > BaselineYear && year <= FinalYear;

    /// <summary>The yearly targets from a baseline value: the path to baseline × multiple.</summary>
    public IReadOnlyDictionary<int, decimal> PathFrom(decimal baseline) =>
        TargetPath.Build(BaselineYear, baseline, FinalYear, decimal.Round(baseline * Multiple, 2), Shape);
}

/// <summary>
/// The target of an indicator for a scope and year. Generated from a plan period, editable until locked; a locked
/// target changes only after it is unlocked (both steps are audited).
/// </summary>
public class KpiTarget
{
    private KpiTarget()
    {
    }

    public Guid Id { get; private set; }
    public Guid IndicatorId { get; private set; }
    public string RegionCode { get; private set; } = string.Empty;
    public int Year { get; private set; }
    public decimal Value { get; private set; }
    public Guid? PlanPeriodId { get; private set; }
    public bool IsLocked { get; private set; }
    public string? LockedBy { get; private set; }
    public DateTimeOffset? LockedAt { get; private set; }
    public uint Version { get; private set; }

    public static KpiTarget Create(Guid indicatorId, string regionCode, int year, decimal value, Guid? planPeriodId, DateTimeOffset now)
    {
        var target = new KpiTarget { Id = Guid.CreateVersion7(now), IndicatorId = indicatorId, RegionCode = regionCode, Year = year, PlanPeriodId = planPeriodId };
        target.SetValue(value);
        return target;
    }

    public void SetValue(decimal value)
    {
        if (IsLocked)
        {
            throw new DomainException("目标已锁定，须先解锁才能修改");
        }

        if (value < 0)
        {
            throw new DomainException("目标值不能为负数", nameof(Value));
        }

        Value = value;
    }

    public void Lock(string by, DateTimeOffset now)
    {
        if (IsLocked)
        {
            throw new DomainException("目标已锁定");
        }

        IsLocked = true;
        LockedBy = by;
        LockedAt = now;
    }

    public void Unlock()
    {
        if (!IsLocked)
        {
            throw new DomainException("目标未锁定");
        }

        IsLocked = false;
        LockedBy = null;
        LockedAt = null;
    }
}

/// <summary>The yearly value of an entered indicator (e.g. R&amp;D spending) for a scope, with its source.</summary>
public class KpiEnteredValue
{
    private KpiEnteredValue()
    {
    }

    public Guid Id { get; private set; }
    public Guid IndicatorId { get; private set; }
    public string RegionCode { get; private set; } = string.Empty;
    public int Year { get; private set; }
    public decimal Value { get; private set; }
    public string SourceDocument { get; private set; } = string.Empty;
    public string EnteredBy { get; private set; } = string.Empty;
    public DateTimeOffset EnteredAt { get; private set; }
    public uint Version { get; private set; }

    public static KpiEnteredValue Create(Guid indicatorId, string regionCode, int year, decimal value, string sourceDocument, string enteredBy, DateTimeOffset now)
    {
        var entered = new KpiEnteredValue { Id = Guid.CreateVersion7(now), IndicatorId = indicatorId, RegionCode = regionCode, Year = year };
        entered.Set(value, sourceDocument, enteredBy, now);
        return entered;
    }

    public void Set(decimal value, string sourceDocument, string enteredBy, DateTimeOffset now)
    {
        RequireSourcedValue(value, sourceDocument);

        Value = value;
        SourceDocument = sourceDocument.Trim();
        EnteredBy = enteredBy;
        EnteredAt = now;
    }

    /// <summary>A figure the bureau enters (a baseline, an entered actual) is never negative and always says where it comes from.</summary>
    internal static void RequireSourcedValue(decimal value, string sourceDocument)
    {
        if (value < 0)
        {
            throw new DomainException("数值不能为负数", nameof(Value));
        }

        if (string.IsNullOrWhiteSpace(sourceDocument))
        {
            throw new DomainException("请填写数据来源（文件名称、文号或统计口径）", nameof(SourceDocument));
        }
    }
}
