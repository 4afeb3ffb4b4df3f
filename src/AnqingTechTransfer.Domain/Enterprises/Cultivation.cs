using System.Globalization;

namespace AnqingTechTransfer.Domain.Enterprises;

public enum CultivationStatus
{
    Cultivating = 1,
    Applied = 2,
    Recognised = 3,
    Withdrawn = 4,
}

/// <summary>
/// 高企培育库: an enterprise a county or park cultivates toward 高新技术企业 recognition, with the figures that decide it
/// and follow-up notes. The gaps are computed from the recognition criteria (DOMAIN.md §4.2).
/// </summary>
public class CultivationEntry
{
    private readonly List<CultivationNote> _notes = [];

    private CultivationEntry()
    {
    }

    public Guid Id { get; private set; }
    public string CreditCode { get; private set; } = string.Empty;
    public string EnterpriseName { get; private set; } = string.Empty;
    public string RegionCode { get; private set; } = string.Empty;
    public Guid? OrganizationId { get; private set; }
    public int TargetYear { get; private set; }
    public CultivationStatus Status { get; private set; }
    public ReadinessFigures Figures { get; private set; } = new(null, null, null, null, null);
    public string MarkedBy { get; private set; } = string.Empty;
    public DateTimeOffset MarkedAt { get; private set; }
    public uint Version { get; private set; }
    public IReadOnlyList<CultivationNote> Notes => _notes;

    public static CultivationEntry Mark(string creditCode, string name, string regionCode, Guid? organizationId, int targetYear, ReadinessFigures figures,
        string markedBy, DateTimeOffset now)
    {
        if (Organizations.CreditCode.Check(creditCode) == Organizations.CreditCodeVerdict.InvalidFormat)
        {
            throw new DomainException(Organizations.CreditCode.Message(Organizations.CreditCodeVerdict.InvalidFormat), nameof(CreditCode));
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainException("请填写企业名称", nameof(EnterpriseName));
        }

        var entry = new CultivationEntry
        {
            Id = Guid.CreateVersion7(now), CreditCode = Organizations.CreditCode.Normalize(creditCode), EnterpriseName = name.Trim(), RegionCode = regionCode,
            OrganizationId = organizationId, Status = CultivationStatus.Cultivating, MarkedBy = markedBy, MarkedAt = now,
        };
        entry.Update(targetYear, figures, CultivationStatus.Cultivating);
        return entry;
    }

    public void Update(int targetYear, ReadinessFigures figures, CultivationStatus status)
    {
        if (targetYear is < 2000 or > 2100)
        {
            throw new DomainException("计划申报年度不在有效范围内", nameof(TargetYear));
        }

        figures.Validate();
        TargetYear = targetYear;
        Figures = figures;
        Status = status;
    }

    public CultivationNote AddNote(string text, string by, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DomainException("请填写跟踪记录", "Text");
        }

        if (text.Trim().Length > 1000)
        {
            throw new DomainException("跟踪记录不能超过1000个字", "Text");
        }

        var note = new CultivationNote(Guid.CreateVersion7(now), Id, now, by, text.Trim());
        _notes.Add(note);
        return note;
    }

    public IReadOnlyList<string> Gaps => HighTechReadiness.Gaps(Figures);
}

public sealed record CultivationNote(Guid Id, Guid EntryId, DateTimeOffset At, string By, string Text);

/// <summary>The figures 高企 recognition is decided on: revenue (万元), R&amp;D expense ratio, S&amp;T staff ratio and high-tech revenue ratio (%), core IP count.</summary>
public sealed record ReadinessFigures(decimal? Revenue, decimal? RdRatio, decimal? TechStaffRatio, decimal? HighTechRevenueRatio, int? CoreIpCount)
{
    public void Validate()
    {
        if (Revenue < 0)
        {
            throw new DomainException("营业收入不能为负数", nameof(Revenue));
        }

        foreach (var (value, field, label) in new[] { (RdRatio, nameof(RdRatio), "研发费用占比"), (TechStaffRatio, nameof(TechStaffRatio), "科技人员占比"), (HighTechRevenueRatio, nameof(HighTechRevenueRatio), "高新技术产品收入占比") })
        {
            if (value is < 0 or > 100)
            {
                throw new DomainException($"{label}应在0到100之间", field);
            }
        }

        if (CoreIpCount < 0)
        {
            throw new DomainException("知识产权数量不能为负数", nameof(CoreIpCount));
        }
    }
}

/// <summary>The distance to the 高企 recognition criteria (国科发火〔2016〕32号): what a county's follow-up has to close.</summary>
public static class HighTechReadiness
{
    /// <summary>R&amp;D expense ratio required by revenue band: ≤5,000万 → 5 %; ≤20,000万 → 4 %; above → 3 %.</summary>
    public static decimal RequiredRdRatio(decimal revenue) => revenue <= 5_000m ? 5m : revenue <= 20_000m ? 4m : 3m;

    public static IReadOnlyList<string> Gaps(ReadinessFigures f)
    {
        static string P(decimal v) => v.ToString("0.##", CultureInfo.InvariantCulture);
        var gaps = new List<string>();
        if (f.RdRatio is null || f.Revenue is null)
        {
            gaps.Add("未填写营业收入或研发费用占比");
        }
        else if (f.RdRatio < RequiredRdRatio(f.Revenue.Value))
        {
            var required = RequiredRdRatio(f.Revenue.Value);
            gaps.Add($"研发费用占比 {P(f.RdRatio.Value)}%，低于 {P(required)}%（差 {P(required - f.RdRatio.Value)} 个百分点）");
        }

        if (f.TechStaffRatio is null)
        {
            gaps.Add("未填写科技人员占比");
        }
        else if (f.TechStaffRatio < 10m)
        {
            gaps.Add($"科技人员占比 {P(f.TechStaffRatio.Value)}%，低于 10%");
        }

        if (f.HighTechRevenueRatio is null)
        {
            gaps.Add("未填写高新技术产品（服务）收入占比");
        }
        else if (f.HighTechRevenueRatio < 60m)
        {
            gaps.Add($"高新技术产品（服务）收入占比 {P(f.HighTechRevenueRatio.Value)}%，低于 60%");
        }

        if (f.CoreIpCount is null)
        {
            gaps.Add("未填写核心知识产权数量");
        }
        else if (f.CoreIpCount < 1)
        {
            gaps.Add("尚无核心自主知识产权");
        }

        return gaps;
    }
}
