using AnqingTechTransfer.Domain.TransferIndex;

namespace AnqingTechTransfer.Web.Features.Supervision.TransferIndex;

/// <summary>The index's method: indicators and weights, and the default normalisation (TransferIndex section).</summary>
public class IndexOptions
{
    public const string Section = "TransferIndex";

    public IndexNormalisation Normalisation { get; set; } = IndexNormalisation.Baseline;

    /// <summary>Indicator key → weight; empty means the portal's default weights.</summary>
    public Dictionary<string, decimal> Weights { get; set; } = [];

    public static readonly IReadOnlyList<IndexWeight> DefaultWeights =
    [
        new("absorbed_amount", 25), new("output_amount", 15), new("registered_contracts", 10), new("high_tech", 15), new("tech_sme", 10),
        new("carriers", 5), new("pilot_runs", 5), new("tech_loans", 10), new("needs_solved", 5),
    ];

    public IndexMethod Method(IndexNormalisation? normalisation) => IndexMethod.Create(normalisation ?? Normalisation,
        Weights.Count == 0 ? DefaultWeights : Weights.Select(w => new IndexWeight(w.Key, w.Value)));
}
