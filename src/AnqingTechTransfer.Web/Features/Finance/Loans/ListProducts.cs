using AnqingTechTransfer.Domain.Finance;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Finance.Loans;

public sealed record ProductsPage(PagedList<LoanProduct> Products, LoanKind? Kind, bool SignedIn);

/// <summary>科技信贷产品: the published products, and a bank's own withdrawn ones, by kind.</summary>
public class ListProductsHandler(PortalDbContext db, ICurrentActor actor) : IUseCase
{
    public async Task<ProductsPage> HandleAsync(LoanKind? kind, int page, bool signedIn, CancellationToken ct)
    {
        var query = db.LoanProducts.AsNoTracking().Where(p => p.IsPublished || p.BankOrganizationId == actor.OrganizationId);
        query = kind is { } k ? query.Where(p => p.Kind == k) : query;
        return new ProductsPage(await query.OrderBy(p => p.Kind).ThenBy(p => p.RateMin).ThenBy(p => p.Id).ToPagedListAsync(page, ct: ct), kind, signedIn);
    }
}
