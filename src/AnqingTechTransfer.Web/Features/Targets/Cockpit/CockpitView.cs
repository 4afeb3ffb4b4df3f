using System.Globalization;
using AnqingTechTransfer.Domain.Targets;

namespace AnqingTechTransfer.Web.Features.Targets.Cockpit;

public sealed record IndicatorFigure(Indicator Indicator, KpiBaselineView? Baseline, decimal? Actual, decimal? Target, bool TargetLocked, decimal? Progress,
    TargetStatus? Status, IReadOnlyList<(int Year, decimal? Actual, decimal? Target)> Trend, string? DrillUrl);

public sealed record KpiBaselineView(int Year, decimal Value, string Source, bool IsVerified, bool IsDemo);

public sealed record RegionRank(int Rank, string RegionCode, string RegionName, decimal Absorbed, decimal? Target, decimal? Progress);

public sealed record RegionBreakdown(Indicator Indicator, IReadOnlyList<(string RegionCode, decimal? Actual)> Parts, decimal? CityTotal, bool IsAdditive);

public sealed record CockpitView(string RegionCode, string RegionName, int Year, int CurrentYear, int BaselineYear, decimal ElapsedShare, DateOnly AsOf,
    IReadOnlyList<IndicatorFigure> Indicators, IReadOnlyList<(int Month, int Contracts, decimal Amount, decimal Absorbed)> Monthly,
    IReadOnlyList<(int Year, int Month, decimal Amount, decimal Absorbed)> MonthlySinceBaseline,
    IReadOnlyList<RegionRank> AbsorbedRanking, IReadOnlyList<RegionRank> ProgressRanking, IReadOnlyList<RegionBreakdown> Breakdown)
{
    /// <summary>Which build of the figures this is: the view renders its body once per stamp (the cache tag helper in Index.cshtml).</summary>
    public Guid Stamp { get; } = Guid.NewGuid();

    /// <summary>A share as a percentage with one decimal ("—" when there is none).</summary>
    public static string Percent(decimal? share) => share is null ? "—" : (share.Value * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
