using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Finance;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Finance.RiskPool;

/// <summary>One investment of the fund with its corrections; the bureau may correct it.</summary>
public sealed record InvestmentView(FundInvestment Investment, bool CanCorrect);

public sealed record FundView(int? Year, IReadOnlyList<FundInvestment> Investments, int Count, decimal Total, decimal Early, decimal? Share, bool Below, bool CanRecord)
{
    /// <summary>How many of the period's investments the table lists (the most recent); the share counts them all.</summary>
    public const int Listed = 200;
}

/// <summary>
/// 成果转化引导基金: the sub-fund's investments with their stage, the early-stage share watched over every investment of
/// the period (a year, or all years) — summed by the database, never over a page of them; the bureau records them and
/// corrects them with a reason, each correction kept (who, when, before → after).
/// </summary>
public class FundInvestmentsHandler(PortalDbContext db, ICurrentActor actor, TimeProvider clock) : IUseCase
{
    public async Task<FundView> PageAsync(int? year, bool canRecord, CancellationToken ct)
    {
        year = year is >= 2000 and <= 2100 ? year : null;
        var period = db.FundInvestments.AsNoTracking();
        if (year is { } y)
        {
            var from = new DateOnly(y, 1, 1);
            var to = from.AddYears(1);
            period = period.Where(i => i.On >= from && i.On < to);
        }

        var count = await period.CountAsync(ct);
        var (total, early, share, below) = GuidanceFund.EarlyShare(await period.SumAsync(i => i.Amount, ct),
            await period.Where(i => i.Stage == InvestmentStage.Early).SumAsync(i => i.Amount, ct));
        var investments = await period.OrderByDescending(i => i.On).ThenBy(i => i.Id).Take(FundView.Listed).ToListAsync(ct);
        return new FundView(year, investments, count, total, early, share, below, canRecord);
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

    /// <summary>One investment with its corrections (null when the actor's scope does not hold it).</summary>
    public Task<FundInvestment?> InvestmentAsync(Guid id, CancellationToken ct) => db.FundInvestments.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct);

    /// <summary>The bureau corrects an investment on the version it read, with a reason. A broken rule stays the filter's flash message.</summary>
    public async Task<RecordResult<FundInvestment>> CorrectAsync(Guid id, bool keepsFund, string? project, string? enterpriseName, string? creditCode, InvestmentStage stage,
        decimal? amount, DateOnly? on, string? reason, uint version, CancellationToken ct) =>
        await db.StepAsync(await db.FundInvestments.SingleOrDefaultAsync(i => i.Id == id, ct), _ => keepsFund, version,
            i => i.Correct(project ?? string.Empty, enterpriseName ?? string.Empty, creditCode ?? string.Empty, stage, amount ?? 0, on ?? i.On, reason ?? string.Empty,
                actor.DisplayName, clock.GetUtcNow()), ct);
}
