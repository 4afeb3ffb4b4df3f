using AnqingTechTransfer.Domain.Finance;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Finance.Loans;

public sealed record ProductView(LoanProduct Product, bool IsBank, bool IsEnterprise, string? Ineligibility);

/// <summary>
/// A loan product; an enterprise is told before it applies whether its qualifications meet the product's conditions
/// (null when there is no such product for the user). The publishing bank withdraws it.
/// </summary>
public class ProductDetailsHandler(PortalDbContext db, ICurrentActor actor, FinancePermissions permissions, EligibilityHandler eligibility, TimeProvider clock)
    : IUseCase
{
    public async Task<ProductView?> HandleAsync(Guid id, CancellationToken ct)
    {
        var product = await db.LoanProducts.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (product is null)
        {
            return null;
        }

        string? why = null;
        if (permissions.Borrows)
        {
            var code = await db.Organizations.AsNoTracking().Where(o => o.Id == actor.OrganizationId).Select(o => o.CreditCode).SingleAsync(ct);
            why = product.Ineligibility(await eligibility.HeldAsync(actor.OrganizationId, code, Display.Today(clock), ct));
        }

        return new ProductView(product, permissions.Withdraws(product), permissions.Borrows, why);
    }

    public async Task<RecordResult<LoanProduct>> WithdrawAsync(Guid id, uint version, CancellationToken ct) =>
        await db.StepAsync(await db.LoanProducts.SingleOrDefaultAsync(p => p.Id == id, ct), permissions.Withdraws, version, p => p.Withdraw(), ct);
}
