namespace AnqingTechTransfer.Web.Features.Contracts.Statistics;

/// <summary>The statistics page: the chosen year's figures and the years one may choose (newest first).</summary>
public sealed record ContractStatsPage(ContractStats Stats, IReadOnlyList<int> Years);
