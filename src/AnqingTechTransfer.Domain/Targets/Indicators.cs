namespace AnqingTechTransfer.Domain.Targets;

/// <summary>How an indicator's actual value is obtained: computed from the portal's records, or entered by the bureau.</summary>
public enum IndicatorSource
{
    /// <summary>高新技术企业数: enterprises holding a confirmed certificate valid on 31 December.</summary>
    HighTechCount = 1,
    /// <summary>科技型中小企业数: enterprises registered (入库) in the year.</summary>
    TechSmeCount = 2,
    /// <summary>技术合同成交额 of the contracts registered at Anqing's points: for a county or park, those with the seller there (输出口径).</summary>
    ContractAmount = 3,
    /// <summary>技术交易额 (as the registrar assessed it) of the contracts registered at Anqing's points, same rule as 成交额.</summary>
    TechAmount = 4,
    /// <summary>吸纳: 成交额 of contracts whose buyer is in the county or park, registered here or imported from the provincial system.</summary>
    AbsorbedAmount = 5,
    /// <summary>输出: 成交额 of contracts registered at Anqing's points whose seller is in the county or park.</summary>
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
        IndicatorSource.ContractAmount => "取“成交额”字段：本市登记点当年登记的技术合同；县（市、区）、园区按卖方所在地计（输出口径）；外地登记、经省系统导入的合同不计入，只计入吸纳",
        IndicatorSource.TechAmount => "取“技术交易额”字段（经登记机构核定）：本市登记点当年登记的技术合同；县（市、区）、园区按卖方所在地计；外地登记、经省系统导入的合同不计入",
        IndicatorSource.AbsorbedAmount => "取“成交额”字段：当年登记、买方在本地的技术合同（吸纳），含外地登记、经省系统导入的合同",
        IndicatorSource.OutputAmount => "取“成交额”字段：本市登记点当年登记、卖方在本地的技术合同（输出）",
        IndicatorSource.Entered => "由市科技局按年度录入",
        _ => source.ToString(),
    };

    /// <summary>
    /// Whether a registered contract counts in a contract indicator of a place (the city, or a county or park), the way the
    /// province adds them (DOMAIN.md §1.3, §1.6): 成交额, 技术交易额 and 输出 count the contracts registered at Anqing's own
    /// points, by the seller's place for a county or park; a contract registered elsewhere and imported from the provincial
    /// system is that place's 成交额 and Anqing's 吸纳 only, never both. 吸纳 counts the buyer's place, imported or not.
    /// </summary>
    /// <param name="seller">the seller's county or park code, empty when outside Anqing</param>
    /// <param name="buyer">the buyer's county or park code, empty when outside Anqing</param>
    public static bool Counts(this IndicatorSource source, string placeCode, string seller, string buyer, bool imported)
    {
        var city = placeCode == Regions.AnqingRegions.City;
        return source switch
        {
            IndicatorSource.ContractAmount or IndicatorSource.TechAmount => !imported && (city || seller == placeCode),
            IndicatorSource.OutputAmount => !imported && (city ? seller.Length > 0 : seller == placeCode),
            IndicatorSource.AbsorbedAmount => city ? buyer.Length > 0 : buyer == placeCode,
            _ => false,
        };
    }

    /// <summary>
    /// Whether the city's value is the sum of its counties' and parks'. Counts of enterprises are (each enterprise belongs
    /// to one place), as are 吸纳 and 输出; the city's 成交额 also counts contracts registered here whose seller is not in a
    /// county or park of its own (a city-level seller), so it is not their sum; entered values are entered for the city separately.
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

    /// <summary>The indicator counts things (enterprises, projects, people): its targets are whole numbers.</summary>
    public bool CountsWholeThings => IsCountUnit(Unit);

    public static bool IsCountUnit(string unit) => unit is "家" or "项" or "个" or "人" or "名" or "件";
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

    /// <summary>
    /// The plan's 技术合同交易额 target may track either field of the registration form (issue 22): 成交额 or 技术交易额 as
    /// the registrar assessed it. The bureau chooses; the page states the choice through <see cref="IndicatorSources.Describe"/>.
    /// </summary>
    public void TrackContractField(IndicatorSource field)
    {
        if (Source is not (IndicatorSource.ContractAmount or IndicatorSource.TechAmount))
        {
            throw new DomainException("只有技术合同交易额指标可以选择取数字段", nameof(Source));
        }

        if (field is not (IndicatorSource.ContractAmount or IndicatorSource.TechAmount))
        {
            throw new DomainException("请选择“成交额”或“技术交易额”", nameof(Source));
        }

        Source = field;
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

    /// <summary>The yearly targets from a baseline value: the path to baseline × multiple (whole numbers, rounded up, for counts).</summary>
    public IReadOnlyDictionary<int, decimal> PathFrom(decimal baseline, bool wholeNumbers = false) =>
        TargetPath.Build(BaselineYear, baseline, FinalYear, decimal.Round(baseline * Multiple, 2), Shape, wholeNumbers);
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
