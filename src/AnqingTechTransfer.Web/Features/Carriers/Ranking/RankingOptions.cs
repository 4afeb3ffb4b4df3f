namespace AnqingTechTransfer.Web.Features.Carriers.Ranking;

public class RankingOptions
{
    public const string Section = "Carriers";

    /// <summary>
    /// The extra indicators of the agency ranking, after the plan's deals and turnover, in tie-breaking order: names of
    /// indicators of the agencies' yearly reports (PerformanceReport.IndicatorsFor(TransferAgency)).
    /// </summary>
    public List<string> RankingIndicators { get; set; } = [];

    public IReadOnlyList<string> Effective => RankingIndicators.Count > 0 ? RankingIndicators : ["服务企业数", "举办路演或对接活动次数"];
}
