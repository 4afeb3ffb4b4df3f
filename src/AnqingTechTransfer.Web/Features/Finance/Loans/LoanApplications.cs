using AnqingTechTransfer.Domain.Finance;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Finance.RiskPool;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Finance.Loans;

public sealed record ApplicationsPage(PagedList<LoanApplication> Applications, LoanStatus? Status, bool IsBank);

/// <summary>
/// The loan applications the user's tenant scope shows; the lending bank decides, disburses, records repayments and a
/// default, on the version it read. A broken rule stays the filter's flash message.
/// </summary>
public class LoanApplicationsHandler(PortalDbContext db, FinancePermissions permissions, NonPerformingReview review, TimeProvider clock) : IUseCase
{
    public async Task<ApplicationsPage> ListAsync(LoanStatus? status, int page, CancellationToken ct)
    {
        var query = db.LoanApplications.AsNoTracking();
        query = status is { } s ? query.Where(a => a.Status == s) : query;
        return new ApplicationsPage(await query.OrderBy(a => a.Status).ThenByDescending(a => a.CreatedAt).ThenBy(a => a.Id).ToPagedListAsync(page, ct: ct), status,
            permissions.Lends);
    }

    public async Task<RecordResult<LoanApplication>> DecideAsync(Guid id, bool approve, decimal? amount, decimal? rate, string? reason, uint version, CancellationToken ct)
    {
        var application = await db.LoanApplications.SingleOrDefaultAsync(a => a.Id == id, ct);
        // The bank sees its own products, published or not.
        var product = application is null ? null : await db.LoanProducts.AsNoTracking().SingleOrDefaultAsync(p => p.Id == application.ProductId, ct);
        return await db.StepAsync(application, a => permissions.Allows(FinancePermissions.Handle, a) && product is not null, version,
            a => a.Decide(product!, approve, amount, rate, reason), ct);
    }

    public Task<RecordResult<LoanApplication>> DisburseAsync(Guid id, DateOnly? on, uint version, CancellationToken ct) =>
        StepAsync(id, version, a => a.Disburse(on ?? Display.Today(clock)), ct);

    public Task<RecordResult<LoanApplication>> RepayAsync(Guid id, DateOnly? on, decimal? principal, uint version, CancellationToken ct) =>
        StepAsync(id, version, a => a.Repay(on ?? Display.Today(clock), principal ?? 0), ct);

    public Task<RecordResult<LoanApplication>> DefaultAsync(Guid id, string? reason, uint version, CancellationToken ct) =>
        StepAsync(id, version, a => a.MarkDefault(reason ?? string.Empty), ct);

    /// <summary>A disbursement, repayment or default changes the bank's non-performing ratio: its agreements are reviewed at once.</summary>
    private async Task<RecordResult<LoanApplication>> StepAsync(Guid id, uint version, Action<LoanApplication> act, CancellationToken ct)
    {
        var result = await db.StepAsync(await db.LoanApplications.SingleOrDefaultAsync(a => a.Id == id, ct), a => permissions.Allows(FinancePermissions.Handle, a), version,
            act, ct);
        if (result.Verdict == Verdict.Done)
        {
            await review.ReviewBankAsync(result.Value!.BankOrganizationId, ct);
        }

        return result;
    }
}
