using AnqingTechTransfer.Domain.Targets;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Data.Seed;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Targets.Board;

/// <summary>
/// The bureau chooses whether the plan's 技术合同交易额 target (the indicator <see cref="TargetIndicators.ContractAmount"/>)
/// tracks the form's 成交额 or its 技术交易额 (issue 22 §8). Its targets and baselines stay; the cockpit reads the chosen field.
/// </summary>
public sealed class ChooseContractFieldHandler(PortalDbContext db) : IUseCase
{
    public async Task<RecordResult<IndicatorSource>> HandleAsync(IndicatorSource field, bool allowed, CancellationToken ct)
    {
        var indicator = await db.Indicators.SingleOrDefaultAsync(i => i.Key == TargetIndicators.ContractAmount, ct);
        var result = await db.StepAsync(indicator, _ => allowed, null, i => i.TrackContractField(field), ct);
        return result.Map(indicator => indicator.Source);
    }
}
