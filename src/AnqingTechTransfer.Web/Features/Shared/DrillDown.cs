using AnqingTechTransfer.Domain.Regions;
using AnqingTechTransfer.Domain.Targets;

namespace AnqingTechTransfer.Web.Features.Shared;

/// <summary>
/// What a list opened from a figure of the cockpit is showing (issue 25 §8): the indicator, the region, the year and the
/// total, with the way back (Shared/_DrillDown). The cockpit's links carry <c>drill={source}</c>.
/// </summary>
public sealed record DrillDownNote(IndicatorSource Source, string RegionCode, int Year, int Count, decimal? Amount)
{
    public string Indicator => NameOf(Source);

    public string RegionName => AnqingRegions.NameOf(RegionCode);

    public static string NameOf(IndicatorSource source) => source switch
    {
        IndicatorSource.HighTechCount => "高新技术企业数",
        IndicatorSource.TechSmeCount => "科技型中小企业数",
        IndicatorSource.ContractAmount => "技术合同成交额",
        IndicatorSource.TechAmount => "技术交易额",
        IndicatorSource.AbsorbedAmount => "吸纳技术合同成交额",
        IndicatorSource.OutputAmount => "输出技术合同成交额",
        _ => "指标",
    };

    /// <summary>The note, when the list was opened from the cockpit (a drill source and a year); null otherwise.</summary>
    public static DrillDownNote? From(IndicatorSource? drill, string? region, int? year, int count, decimal? amount = null) =>
        drill is { } source && Enum.IsDefined(source) && year is { } y
            ? new DrillDownNote(source, string.IsNullOrEmpty(region) ? AnqingRegions.City : region, y, count, amount)
            : null;
}
