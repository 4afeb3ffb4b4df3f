using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Finance;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Supervision.Infringers;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Finance.Loans;

/// <summary>
/// An eligible enterprise applies for a loan; an enterprise on the infringers' list may not while it is published. A
/// refused application comes back as the rule's message (Invalid), told on the product's page.
/// </summary>
public class ApplyForLoanHandler(PortalDbContext db, ICurrentActor actor, EligibilityHandler eligibility, InfringerCheckHandler infringers, TimeProvider clock)
    : IUseCase
{
    public async Task<RecordResult<Guid>> HandleAsync(Guid id, decimal? amount, string? purpose, bool borrows, CancellationToken ct)
    {
        var product = await db.LoanProducts.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (product is null)
        {
            return RecordResult<Guid>.NotFound;
        }

        if (!borrows)
        {
            return RecordResult<Guid>.Forbidden;
        }

        var own = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == actor.OrganizationId, ct);
        var applied = await FieldErrors.TryAsync(async () =>
        {
            if (await infringers.IsListedAsync(own.CreditCode, Display.Today(clock), ct))
            {
                throw new DomainException("本企业列入重复侵权、故意侵权企业名录，公布期内不能申请科技贷款");
            }

            var held = await eligibility.HeldAsync(own.Id, own.CreditCode, Display.Today(clock), ct);
            var application = LoanApplication.Apply(product, own.Id, own.Name, own.CreditCode, own.RegionCode, held, amount ?? 0, purpose ?? string.Empty, clock.GetUtcNow());
            db.LoanApplications.Add(application);
            await db.SaveChangesAsync(ct);
            return application.Id;
        });
        return applied.Succeeded ? RecordResult<Guid>.Done(applied.Value) : RecordResult<Guid>.Invalid(applied.Errors);
    }
}
