using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.FirstProducts;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Finance.FirstProducts;

public sealed record CatalogView(int Year, IReadOnlyList<FirstProductApplication> Products, IReadOnlyList<Purchase> Purchases, bool CanPurchase);

/// <summary>
/// 推广应用目录: the deciding department builds the year's catalog from recognised products not yet in one; purchasing units
/// record their purchases under it. A broken rule stays the filter's flash message.
/// </summary>
public class CatalogHandler(PortalDbContext db, ICurrentActor actor, TimeProvider clock) : IUseCase
{
    public async Task<CatalogView> PageAsync(int? year, bool canPurchase, CancellationToken ct)
    {
        var y = year ?? Display.Today(clock).Year;
        var products = await db.FirstProductApplications.AsNoTracking().Where(a => a.CatalogYear == y).OrderBy(a => a.Kind).ThenBy(a => a.ProductName).ToListAsync(ct);
        var ids = products.Select(p => p.Id).ToList();
        var purchases = await db.Purchases.AsNoTracking().Where(p => ids.Contains(p.ApplicationId)).OrderByDescending(p => p.On).ToListAsync(ct);
        return new CatalogView(y, products, purchases, canPurchase);
    }

    /// <summary>The number of products newly included.</summary>
    public async Task<int> BuildAsync(int year, CancellationToken ct)
    {
        var products = await db.FirstProductApplications.Where(a => a.State == RecognitionState.Recognised && a.CatalogYear == null).ToListAsync(ct);
        foreach (var product in products)
        {
            product.IncludeInCatalog(year);
        }

        await db.SaveChangesAsync(ct);
        return products.Count;
    }

    /// <summary>The answer is the catalog year of the product bought.</summary>
    public async Task<RecordResult<int?>> BuyAsync(Guid id, PurchaseKind kind, decimal? amount, DateOnly? on, bool purchases, CancellationToken ct)
    {
        var product = await db.FirstProductApplications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id && a.CatalogYear != null, ct);
        if (product is null)
        {
            return RecordResult<int?>.NotFound;
        }

        if (!purchases)
        {
            return RecordResult<int?>.Forbidden;
        }

        if (amount is null or <= 0)
        {
            throw new DomainException("请填写大于0的采购金额");
        }

        var name = await db.Organizations.AsNoTracking().Where(o => o.Id == actor.OrganizationId).Select(o => o.Name).SingleAsync(ct);
        db.Purchases.Add(new Purchase(Guid.CreateVersion7(clock.GetUtcNow()), product.Id, product.ProductName, actor.OrganizationId, name, kind, amount.Value,
            on ?? Display.Today(clock)));
        await db.SaveChangesAsync(ct);
        return RecordResult<int?>.Done(product.CatalogYear);
    }
}
