using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Finance;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Contracts;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AnqingTechTransfer.Web.Features.Finance.RiskPool;

/// <summary>
/// A bank files a compensation claim on a defaulted loan disbursed under an agreement; the bureau decides it within the set
/// working days; the bank records recoveries, returned pro rata. A broken rule stays the filter's flash message. Filing
/// answers the day the claim is due.
/// </summary>
public class ClaimsHandler(PortalDbContext db, ICurrentActor actor, FinancePermissions permissions, ContractCalendarHandler calendar, IOptions<PoolOptions> options,
    TimeProvider clock) : IUseCase
{
    public async Task<RecordResult<DateOnly>> FileAsync(Guid loanId, string? evidence, CancellationToken ct)
    {
        var loan = await db.LoanApplications.AsNoTracking().SingleOrDefaultAsync(l => l.Id == loanId, ct);
        if (loan is null)
        {
            return RecordResult<DateOnly>.NotFound;
        }

        if (!permissions.Allows(FinancePermissions.ClaimCompensation, loan))
        {
            return RecordResult<DateOnly>.Forbidden;
        }

        var today = Display.Today(clock);
        var agreement = await db.PoolAgreements.AsNoTracking().Where(a => a.BankOrganizationId == actor.OrganizationId).OrderByDescending(a => a.From)
            .FirstOrDefaultAsync(a => loan.DisbursedOn != null && a.From <= loan.DisbursedOn && a.To >= loan.DisbursedOn, ct)
            ?? throw new DomainException("该笔贷款不在合作协议期内发放，不属于风险补偿范围");
        if (await db.PoolClaims.AnyAsync(c => c.LoanId == loanId, ct))
        {
            throw new DomainException("该笔贷款已申请过补偿");
        }

        var compensated = await db.PoolClaims.Where(c => c.AgreementId == agreement.Id && c.Status == ClaimStatus.Approved).SumAsync(c => c.ApprovedAmount ?? 0, ct);
        var due = (await calendar.CalendarAsync(ct)).AddWorkingDays(today, options.Value.ClaimReviewWorkingDays);
        db.PoolClaims.Add(CompensationClaim.File(agreement, loan, compensated, evidence ?? string.Empty, today, due, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return RecordResult<DateOnly>.Done(due);
    }

    public async Task<RecordResult<CompensationClaim>> DecideAsync(Guid id, bool approve, decimal? amount, string? reason, uint version, CancellationToken ct) =>
        await db.StepAsync(await db.PoolClaims.SingleOrDefaultAsync(c => c.Id == id, ct), _ => permissions.KeepsPool, version,
            c => c.Decide(approve, amount, reason ?? string.Empty), ct);

    public async Task<RecordResult<CompensationClaim>> RecoverAsync(Guid id, decimal? amount, uint version, CancellationToken ct) =>
        await db.StepAsync(await db.PoolClaims.SingleOrDefaultAsync(c => c.Id == id, ct), permissions.Recovers, version,
            c => c.Recover(Display.Today(clock), amount ?? 0), ct);
}
