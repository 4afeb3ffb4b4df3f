using AnqingTechTransfer.Domain.Regions;

namespace AnqingTechTransfer.Domain.TransferIndex;

/// <summary>How each indicator's value becomes a 0–100+ sub-score before weighting.</summary>
public enum IndexNormalisation
{
    /// <summary>以2021年同期为基数: value ÷ the same period of 2021 × 100 (100 = the 2021 level, 200 = doubled).</summary>
    Baseline = 1,
    /// <summary>极差标准化: (value − min) ÷ (max − min) × 100 across the 12 counties and parks of the period.</summary>
    MinMax = 2,
}

/// <summary>Whether an indicator is a flow summed over the period or a stock read at its end.</summary>
public enum IndexMeasure
{
    Flow = 1,
    Stock = 2,
}

/// <summary>An indicator the index can draw on, from one of the portal's modules.</summary>
public sealed record IndexIndicator(string Key, string Name, string Unit, IndexMeasure Measure, string Source);

/// <summary>The indicators the portal can feed into the index (科技成果转化指数, DOMAIN.md §8.4).</summary>
public static class IndexIndicators
{
    public static readonly IReadOnlyList<IndexIndicator> All =
    [
        new("absorbed_amount", "吸纳技术合同成交额", "万元", IndexMeasure.Flow, "已登记技术合同中买方在本地的成交额（含省系统导入的吸纳合同）"),
        new("output_amount", "输出技术合同成交额", "万元", IndexMeasure.Flow, "已登记技术合同中卖方在本地的成交额"),
        new("registered_contracts", "登记技术合同数", "项", IndexMeasure.Flow, "本期登记、卖方或买方在本地的技术合同数"),
        new("high_tech", "高新技术企业数", "家", IndexMeasure.Stock, "当年12月31日持有有效证书（已确认）的高新技术企业数"),
        new("tech_sme", "科技型中小企业数", "家", IndexMeasure.Stock, "当年入库登记（已确认）的科技型中小企业数"),
        new("carriers", "已认定创新平台与载体数", "个", IndexMeasure.Stock, "截至期末已认定、未撤销的创新平台与载体数"),
        new("pilot_runs", "中试服务完成数", "次", IndexMeasure.Flow, "本期中试基地完成的中试服务数（按中试基地所在地）"),
        new("tech_loans", "科技贷款放款额", "万元", IndexMeasure.Flow, "本期合作银行通过平台发放的科技贷款金额（按借款企业所在地）"),
        new("needs_solved", "技术需求解决数", "项", IndexMeasure.Flow, "本期经对接形成已登记技术合同的技术需求数（按需求方所在地）"),
    ];

    public static IndexIndicator? Find(string key) => All.FirstOrDefault(i => i.Key == key);
}

/// <summary>A year (Quarter null) or a quarter: the period an index value covers.</summary>
public readonly record struct IndexPeriod(int Year, int? Quarter)
{
    public DateOnly Starts => Quarter is { } q ? new DateOnly(Year, (q * 3) - 2, 1) : new DateOnly(Year, 1, 1);
    public DateOnly Ends => Quarter is not null ? Starts.AddMonths(3).AddDays(-1) : new DateOnly(Year, 12, 31);
    public string Code => Quarter is { } q ? $"{Year}Q{q}" : Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
    public string Label => Quarter is { } q ? $"{Year}年第{q}季度" : $"{Year}年";

    /// <summary>The same period of another year: the baseline of the 2021 normalisation.</summary>
    public IndexPeriod In(int year) => this with { Year = year };

    public bool HasEnded(DateOnly today) => today > Ends;

    public static bool TryParse(string? code, out IndexPeriod period)
    {
        period = default;
        if (code is null || code.Length is not (4 or 6) || !int.TryParse(code.AsSpan(0, 4), out var year) || year is < 2021 or > 2100)
        {
            return false;
        }

        if (code.Length == 4)
        {
            period = new IndexPeriod(year, null);
            return true;
        }

        if (code[4] != 'Q' || code[5] is < '1' or > '4')
        {
            return false;
        }

        period = new IndexPeriod(year, code[5] - '0');
        return true;
    }
}

public sealed record IndexWeight(string Key, decimal Weight);

/// <summary>The method of the index: which indicators, their weights and the normalisation. Kept with every publication.</summary>
public sealed record IndexMethod(IndexNormalisation Normalisation, IReadOnlyList<IndexWeight> Weights)
{
    public const int BaselineYear = 2021;

    /// <summary>A sub-score against 2021 counts at most four times the 2021 level, so a tiny base cannot swamp the index.</summary>
    public const decimal SubScoreCap = 400;

    public static IndexMethod Create(IndexNormalisation normalisation, IEnumerable<IndexWeight> weights)
    {
        if (!Enum.IsDefined(normalisation))
        {
            throw new DomainException("请选择标准化方法");
        }

        var list = weights.Where(w => w.Weight != 0).ToList();
        if (list.Count == 0)
        {
            throw new DomainException("指数至少需要一个权重大于0的指标");
        }

        if (list.Any(w => IndexIndicators.Find(w.Key) is null))
        {
            throw new DomainException("指数包含未知指标：" + string.Join("、", list.Where(w => IndexIndicators.Find(w.Key) is null).Select(w => w.Key)));
        }

        if (list.Any(w => w.Weight < 0 || w.Weight > 100) || list.GroupBy(w => w.Key).Any(g => g.Count() > 1))
        {
            throw new DomainException("每个指标的权重应在0至100之间，且不重复");
        }

        return new IndexMethod(normalisation, list);
    }

    public string Describe()
    {
        var total = Weights.Sum(w => w.Weight);
        var parts = string.Join("，", Weights.Select(w =>
            $"{IndexIndicators.Find(w.Key)!.Name} {(w.Weight / total * 100).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)}%"));
        var norm = Normalisation == IndexNormalisation.Baseline
            ? $"各指标以2021年同期值为基数（基数=100，翻番=200，单项得分最高计{SubScoreCap:0}），基数为0的指标不参与该地区的计算，其余指标权重按比例放大"
            : "各指标在12个县（市、区）和园区之间做极差标准化（最低=0，最高=100，全部相同时均为100），全市指数为12个县区园区指数的平均值";
        return $"指数 = Σ(指标得分 × 权重) ÷ Σ权重；权重：{parts}。{norm}。流量指标取本期累计值，存量指标取期末值（季度取当年值）。";
    }
}

/// <summary>A region's raw values and the resulting sub-scores and index for one period.</summary>
public sealed record IndexRow(string RegionCode, decimal? Score, IReadOnlyDictionary<string, decimal> Values, IReadOnlyDictionary<string, decimal?> SubScores);

/// <summary>
/// Computes the composite index for the city and every county and park from raw values (region → indicator → value) of the
/// period and, for the baseline normalisation, of the same period of 2021. Pure: the same inputs give the same index.
/// </summary>
public static class IndexCalculator
{
    public static IReadOnlyList<IndexRow> Compute(IndexMethod method, IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal>> values,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal>> baseline)
    {
        var regions = AnqingRegions.All.Where(r => r.Kind != RegionKind.City).Select(r => r.Code).ToList();
        decimal Value(IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal>> from, string region, string key) =>
            from.TryGetValue(region, out var row) && row.TryGetValue(key, out var v) ? v : 0m;

        IReadOnlyDictionary<string, decimal> Raw(string region) => method.Weights.ToDictionary(w => w.Key, w => Value(values, region, w.Key));

        if (method.Normalisation == IndexNormalisation.Baseline)
        {
            return regions.Prepend(AnqingRegions.City).Select(region =>
            {
                var subs = method.Weights.ToDictionary(w => w.Key, w =>
                {
                    var b = Value(baseline, region, w.Key);
                    return b > 0 ? Math.Min(IndexMethod.SubScoreCap, Round(Value(values, region, w.Key) / b * 100)) : (decimal?)null;
                });
                return new IndexRow(region, Weighted(method, subs), Raw(region), subs);
            }).ToList();
        }

        var ranges = method.Weights.ToDictionary(w => w.Key, w => (Min: regions.Min(r => Value(values, r, w.Key)), Max: regions.Max(r => Value(values, r, w.Key))));
        var rows = regions.Select(region =>
        {
            var subs = method.Weights.ToDictionary(w => w.Key, w =>
            {
                var (min, max) = ranges[w.Key];
                return (decimal?)(max == min ? 100m : Round((Value(values, region, w.Key) - min) / (max - min) * 100));
            });
            return new IndexRow(region, Weighted(method, subs), Raw(region), subs);
        }).ToList();
        var cityScore = Round(rows.Average(r => r.Score ?? 0));
        var citySubs = method.Weights.ToDictionary(w => w.Key, w => (decimal?)Round(rows.Average(r => r.SubScores[w.Key] ?? 0)));
        return rows.Prepend(new IndexRow(AnqingRegions.City, cityScore, Raw(AnqingRegions.City), citySubs)).ToList();
    }

    private static decimal? Weighted(IndexMethod method, IReadOnlyDictionary<string, decimal?> subs)
    {
        var counted = method.Weights.Where(w => subs[w.Key] is not null).ToList();
        var total = counted.Sum(w => w.Weight);
        return total == 0 ? null : Round(counted.Sum(w => w.Weight * subs[w.Key]!.Value) / total);
    }

    private static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}

/// <summary>
/// A published period of the index: the method and every region's values as they stood when the bureau published it.
/// Frozen: later changes to contracts or qualifications do not change a published figure; a correction is a new
/// publication of the same period that supersedes it, with its reason.
/// </summary>
public class IndexPublication
{
    private IndexPublication()
    {
    }

    public Guid Id { get; private set; }
    public string Period { get; private set; } = string.Empty;
    public int Year { get; private set; }
    public int? Quarter { get; private set; }
    public IndexNormalisation Normalisation { get; private set; }
    public List<IndexWeight> Weights { get; private set; } = [];
    public string Method { get; private set; } = string.Empty;
    public List<IndexRow> Rows { get; private set; } = [];
    public DateTimeOffset PublishedAt { get; private set; }
    public string PublishedBy { get; private set; } = string.Empty;
    public string? CorrectionReason { get; private set; }
    public bool IsSuperseded { get; private set; }
    public uint Version { get; private set; }

    public static IndexPublication Publish(IndexPeriod period, IndexMethod method, IReadOnlyList<IndexRow> rows, DateOnly today, string publishedBy,
        IndexPublication? current, string? correctionReason, DateTimeOffset now)
    {
        if (!period.HasEnded(today))
        {
            throw new DomainException($"{period.Label}尚未结束，结束后才能发布");
        }

        if (rows.All(r => r.Score is null))
        {
            throw new DomainException("本期没有可计算的指数值");
        }

        if (current is not null)
        {
            if (string.IsNullOrWhiteSpace(correctionReason))
            {
                throw new DomainException($"{period.Label}的指数已发布；如需更正，请填写更正原因", nameof(CorrectionReason));
            }

            current.IsSuperseded = true;
        }

        return new IndexPublication
        {
            Id = Guid.CreateVersion7(now), Period = period.Code, Year = period.Year, Quarter = period.Quarter, Normalisation = method.Normalisation,
            Weights = method.Weights.ToList(), Method = method.Describe(), Rows = rows.ToList(), PublishedAt = now, PublishedBy = publishedBy,
            CorrectionReason = current is null ? null : correctionReason!.Trim(),
        };
    }

    public decimal? ScoreOf(string regionCode) => Rows.FirstOrDefault(r => r.RegionCode == regionCode)?.Score;
}
