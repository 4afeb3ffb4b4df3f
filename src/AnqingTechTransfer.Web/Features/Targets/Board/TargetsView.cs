using AnqingTechTransfer.Domain.Targets;

namespace AnqingTechTransfer.Web.Features.Targets.Board;

public sealed record TargetCell(Guid? Id, decimal Value, bool IsLocked, string? LockedBy, uint Version);

/// <summary>目标管理's page: a scope's baselines, yearly targets and entered actuals over one plan period.</summary>
public sealed record TargetsView(string RegionCode, IReadOnlyList<PlanPeriod> Periods, PlanPeriod? Period, IReadOnlyList<Indicator> Indicators,
    IReadOnlyDictionary<(Guid, int), KpiBaseline> Baselines, IReadOnlyDictionary<(Guid, int), TargetCell> Targets,
    IReadOnlyDictionary<(Guid, int), KpiEnteredValue> Entered, bool CanSet, bool ChoosesRegion, bool ChoosesContractField = false);
