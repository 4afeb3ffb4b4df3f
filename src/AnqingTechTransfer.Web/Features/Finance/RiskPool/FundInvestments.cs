using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Finance;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Finance.RiskPool;

public sealed record FundView(IReadOnlyList<FundInvestment> Investments, decimal Total, decimal Early, decimal? Share, bool Below, bool CanRecord);

/// <summary>成果转化引导基金: the sub-fund's investments with their stage, the early-stage share watched; the bureau records them.</summary>
public class FundInvestmentsHandler(PortalDbContext db, TimeProvider clock) : IUseCase
{
    public async Task<FundView> PageAsync(bool canRecord, CancellationToken ct)
    {
        var investments = await db.FundInvestments.AsNoTracking().OrderByDescending(i => i.On).ThenBy(i => i.Id).Take(500).ToListAsync(ct);
        var (total, early, share, below) = GuidanceFund.EarlyShare(investments);
        return new FundView(investments, total, early, share, below, canRecord);
    }

    /// <summary>A broken rule stays the filter's flash message (no form here).</summary>
    public async Task InvestAsync(string? project, string? enterpriseName, string? creditCode, InvestmentStage stage, decimal? amount, DateOnly? on, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(project) || string.IsNullOrWhiteSpace(enterpriseName) || amount is null or <= 0)
        {
            throw new DomainException("请填写投资项目、被投企业和大于0的投资金额");
        }

        db.FundInvestments.Add(new FundInvestment(Guid.CreateVersion7(clock.GetUtcNow()), project.Trim(), enterpriseName.Trim(), (creditCode ?? string.Empty).Trim(), stage,
            amount.Value, on ?? Display.Today(clock)));
        await db.SaveChangesAsync(ct);
    }
}
