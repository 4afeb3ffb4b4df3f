using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.FirstProducts;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Infrastructure;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.FirstProducts;

public class FirstProductOptions
{
    public const string Section = "FirstProducts";

    /// <summary>Credit codes of the departments that keep the demand list and decide recognitions (市经信局).</summary>
    public List<string> DecidingDepartments { get; set; } = [];
}

public sealed record FirstProductsView(int Year, IReadOnlyList<DemandEntry> Demand, bool IsDecider);

public sealed record CatalogView(int Year, IReadOnlyList<FirstProductApplication> Products, IReadOnlyList<Purchase> Purchases, bool CanPurchase);

/// <summary>
/// 三首产品: the economy and IT bureau keeps the yearly demand list and decides recognitions after the county's or park's
/// screening; recognised products go into the yearly promotion catalog; purchasing units record their purchases under it.
/// </summary>
[Route("first-products")]
public class FirstProductsController(PortalDbContext db, ICurrentActor actor, FirstProductPermissions permissions, TimeProvider clock) : Controller
{
    private Task<bool> IsDeciderAsync(CancellationToken ct) => permissions.DecidesAsync(ct);

    [AllowAnonymous]
    [HttpGet("")]
    public async Task<IActionResult> Index(int? year, CancellationToken ct)
    {
        var y = year ?? Display.Today(clock).Year;
        var decider = await IsDeciderAsync(ct);
        var demand = await db.DemandEntries.AsNoTracking().Where(d => d.Year == y && (d.IsPublished || decider)).OrderBy(d => d.Kind).ThenBy(d => d.Product).ToListAsync(ct);
        return View(new FirstProductsView(y, demand, decider));
    }

    [Authorize]
    [HttpPost("demand")]
    public async Task<IActionResult> AddDemand(int year, FirstKind kind, string? field, string? product, string? targets, string? demandSide, string? scenario,
        string? chainLink, CancellationToken ct)
    {
        if (!await IsDeciderAsync(ct))
        {
            return Forbid();
        }

        db.DemandEntries.Add(DemandEntry.Add(year, kind, field ?? string.Empty, product ?? string.Empty, targets ?? string.Empty, demandSide ?? string.Empty,
            scenario ?? string.Empty, chainLink ?? string.Empty, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        TempData[DomainExceptionFilter.FlashSuccess] = "已加入需求清单（未发布）。";
        return RedirectToAction(nameof(Index), new { year });
    }

    [Authorize]
    [HttpPost("demand/{year:int}/publish")]
    public async Task<IActionResult> PublishDemand(int year, CancellationToken ct)
    {
        if (!await IsDeciderAsync(ct))
        {
            return Forbid();
        }

        foreach (var entry in await db.DemandEntries.Where(d => d.Year == year && !d.IsPublished).ToListAsync(ct))
        {
            entry.Publish();
        }

        await db.SaveChangesAsync(ct);
        TempData[DomainExceptionFilter.FlashSuccess] = $"{year} 年度研制需求清单已发布。";
        return RedirectToAction(nameof(Index), new { year });
    }

    [Authorize]
    [HttpGet("applications")]
    public async Task<IActionResult> Applications(RecognitionState? state, int page = 1, CancellationToken ct = default)
    {
        if (!await permissions.ReadsApplicationsAsync(ct))
        {
            return Forbid();
        }

        ViewData["State"] = state;
        ViewData["IsEnterprise"] = permissions.Applies;
        ViewData["IsRegion"] = permissions.Screens;
        ViewData["IsDecider"] = await IsDeciderAsync(ct);
        var query = db.FirstProductApplications.AsNoTracking();
        if (permissions.Applies)
        {
            var me = actor.OrganizationId;
            query = query.Where(a => a.OrganizationId == me);
        }

        query = state is { } s ? query.Where(a => a.State == s) : query;
        return View(await query.OrderBy(a => a.State).ThenByDescending(a => a.SubmittedAt).ThenBy(a => a.Id).ToPagedListAsync(page, ct: ct));
    }

    [Authorize]
    [HttpPost("applications")]
    public async Task<IActionResult> Apply(FirstKind kind, string? productName, string? model, string? indicators, DateOnly? firstUseOn, string? firstCustomer,
        string? noveltyReport, string? patents, string? testReports, CancellationToken ct)
    {
        if (!permissions.Applies)
        {
            return Forbid();
        }

        var own = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == actor.OrganizationId, ct);
        var key = FirstProductApplication.ProductKey(own.CreditCode, kind, productName ?? string.Empty, model ?? string.Empty);
        var mine = await db.FirstProductApplications.AsNoTracking().Where(a => a.OrganizationId == own.Id && a.Kind == kind).ToListAsync(ct);
        if (mine.Any(a => a.Key == key))
        {
            throw new DomainException("该产品已申请过认定，不得重复申请");
        }

        var today = Display.Today(clock);
        db.FirstProductApplications.Add(FirstProductApplication.Submit(own.Id, own.Name, own.CreditCode, own.RegionCode, kind, productName ?? string.Empty, model ?? string.Empty,
            indicators ?? string.Empty, firstUseOn ?? today, firstCustomer ?? string.Empty, noveltyReport ?? string.Empty, patents ?? string.Empty, testReports ?? string.Empty,
            today, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        TempData[DomainExceptionFilter.FlashSuccess] = "认定申请已提交，待所在县（市、区）、园区初审。";
        return RedirectToAction(nameof(Applications));
    }

    [Authorize]
    [HttpPost("applications/{id:guid}/screen")]
    public async Task<IActionResult> Screen(Guid id, bool recommend, string? reason, uint version, CancellationToken ct) =>
        await this.RunAsync(db, await db.FirstProductApplications.SingleOrDefaultAsync(a => a.Id == id, ct), a => permissions.Allows(FirstProductPermissions.Screen, a), version,
            a => a.Screen(recommend, reason), recommend ? "已推荐至市经信局。" : "已退回企业。", _ => "/first-products/applications", ct);

    [Authorize]
    [HttpPost("applications/{id:guid}/decide")]
    public async Task<IActionResult> Decide(Guid id, bool recognise, string? reason, uint version, CancellationToken ct)
    {
        var decider = await IsDeciderAsync(ct);
        return await this.RunAsync(db, await db.FirstProductApplications.SingleOrDefaultAsync(a => a.Id == id, ct), _ => decider, version,
            a => a.Decide(recognise, reason ?? string.Empty, Display.Today(clock).Year), recognise ? "已认定。" : "已作出不予认定的决定。", _ => "/first-products/applications", ct);
    }

    /// <summary>Builds the year's promotion catalog from recognised products not yet in one.</summary>
    [Authorize]
    [HttpPost("catalog/{year:int}")]
    public async Task<IActionResult> Catalog(int year, CancellationToken ct)
    {
        if (!await IsDeciderAsync(ct))
        {
            return Forbid();
        }

        var products = await db.FirstProductApplications.Where(a => a.State == RecognitionState.Recognised && a.CatalogYear == null).ToListAsync(ct);
        foreach (var product in products)
        {
            product.IncludeInCatalog(year);
        }

        await db.SaveChangesAsync(ct);
        TempData[DomainExceptionFilter.FlashSuccess] = $"已发布 {year} 年度推广应用目录，新列入 {products.Count} 项。";
        return RedirectToAction(nameof(CatalogPage), new { year });
    }

    [AllowAnonymous]
    [HttpGet("catalog")]
    public async Task<IActionResult> CatalogPage(int? year, CancellationToken ct)
    {
        var y = year ?? Display.Today(clock).Year;
        var products = await db.FirstProductApplications.AsNoTracking().Where(a => a.CatalogYear == y).OrderBy(a => a.Kind).ThenBy(a => a.ProductName).ToListAsync(ct);
        var ids = products.Select(p => p.Id).ToList();
        var purchases = await db.Purchases.AsNoTracking().Where(p => ids.Contains(p.ApplicationId)).OrderByDescending(p => p.On).ToListAsync(ct);
        return View("Catalog", new CatalogView(y, products, purchases, permissions.Purchases));
    }

    [Authorize]
    [HttpPost("catalog/{id:guid}/purchases")]
    public async Task<IActionResult> Buy(Guid id, PurchaseKind kind, decimal? amount, DateOnly? on, CancellationToken ct)
    {
        var product = await db.FirstProductApplications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id && a.CatalogYear != null, ct);
        if (product is null)
        {
            return NotFound();
        }

        if (!permissions.Purchases)
        {
            return Forbid();
        }

        if (amount is null or <= 0)
        {
            throw new DomainException("请填写大于0的采购金额");
        }

        var name = await db.Organizations.AsNoTracking().Where(o => o.Id == actor.OrganizationId).Select(o => o.Name).SingleAsync(ct);
        db.Purchases.Add(new Purchase(Guid.CreateVersion7(clock.GetUtcNow()), product.Id, product.ProductName, actor.OrganizationId, name, kind, amount.Value,
            on ?? Display.Today(clock)));
        await db.SaveChangesAsync(ct);
        TempData[DomainExceptionFilter.FlashSuccess] = "已登记采购。";
        return RedirectToAction(nameof(CatalogPage), new { year = product.CatalogYear });
    }
}
