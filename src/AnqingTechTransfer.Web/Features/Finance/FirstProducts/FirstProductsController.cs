using AnqingTechTransfer.Domain.FirstProducts;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AnqingTechTransfer.Web.Features.Finance.FirstProducts;

/// <summary>
/// 三首产品: the economy and IT bureau keeps the yearly demand list and decides recognitions after the county's or park's
/// screening; recognised products go into the yearly promotion catalog; purchasing units record their purchases under it.
/// </summary>
[Route("first-products")]
public class FirstProductsController(FirstProductPermissions permissions) : Controller
{
    [AllowAnonymous]
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] DemandListHandler demand, int? year, CancellationToken ct) =>
        View(await demand.PageAsync(year, await permissions.DecidesAsync(ct), User.Identity?.IsAuthenticated == true, ct));

    [Authorize]
    [HttpPost("demand")]
    public async Task<IActionResult> AddDemand([FromServices] DemandListHandler demand, int year, FirstKind kind, string? field, string? product, string? targets,
        string? demandSide, string? scenario, string? chainLink, CancellationToken ct)
    {
        if (!await permissions.DecidesAsync(ct))
        {
            return Forbid();
        }

        await demand.AddAsync(year, kind, field, product, targets, demandSide, scenario, chainLink, ct);
        return this.Flash("已加入需求清单（未发布）。", RedirectToAction(nameof(Index), new { year }));
    }

    /// <summary>适时调整: the deciding department revises an entry; a broken rule stays the filter's flash message.</summary>
    [Authorize]
    [HttpPost("demand/{id:guid}/revise")]
    public async Task<IActionResult> ReviseDemand([FromServices] DemandListHandler demand, Guid id, string? field, string? product, string? targets, string? demandSide,
        string? scenario, string? chainLink, CancellationToken ct)
    {
        if (!await permissions.DecidesAsync(ct))
        {
            return Forbid();
        }

        return await demand.ReviseAsync(id, field, product, targets, demandSide, scenario, chainLink, ct) is { } year
            ? this.Flash("需求已调整。", RedirectToAction(nameof(Index), new { year }))
            : NotFound();
    }

    [Authorize]
    [HttpPost("demand/{id:guid}/retire")]
    public async Task<IActionResult> RetireDemand([FromServices] DemandListHandler demand, Guid id, string? reason, CancellationToken ct)
    {
        if (!await permissions.DecidesAsync(ct))
        {
            return Forbid();
        }

        return await demand.RetireAsync(id, reason, ct) is { } year
            ? this.Flash("已调出清单，理由在清单中公开显示。", RedirectToAction(nameof(Index), new { year }))
            : NotFound();
    }

    /// <summary>年度修订: next year's draft list from this year's entries still asked for.</summary>
    [Authorize]
    [HttpPost("demand/{year:int}/revision")]
    public async Task<IActionResult> ReviseYear([FromServices] DemandListHandler demand, int year, CancellationToken ct)
    {
        if (!await permissions.DecidesAsync(ct))
        {
            return Forbid();
        }

        var carried = await demand.ReviseYearAsync(year, ct);
        return this.Flash($"已以 {year} 年度清单为基础编制 {year + 1} 年度清单草稿（{carried} 项，未发布），请调整后发布。", RedirectToAction(nameof(Index), new { year = year + 1 }));
    }

    [Authorize]
    [HttpPost("demand/{year:int}/publish")]
    public async Task<IActionResult> PublishDemand([FromServices] DemandListHandler demand, int year, CancellationToken ct)
    {
        if (!await permissions.DecidesAsync(ct))
        {
            return Forbid();
        }

        await demand.PublishAsync(year, ct);
        return this.Flash($"{year} 年度研制需求清单已发布。", RedirectToAction(nameof(Index), new { year }));
    }

    [Authorize]
    [HttpGet("applications")]
    public async Task<IActionResult> Applications([FromServices] FirstProductApplicationsHandler applications, RecognitionState? state, int page = 1,
        CancellationToken ct = default) =>
        await permissions.ReadsApplicationsAsync(ct) ? View(await applications.ListAsync(state, page, await permissions.DecidesAsync(ct), ct)) : Forbid();

    [Authorize]
    [HttpPost("applications")]
    public async Task<IActionResult> Apply([FromServices] FirstProductApplicationsHandler applications, FirstKind kind, string? productName, string? model,
        string? indicators, DateOnly? firstUseOn, string? firstCustomer, string? noveltyReport, string? patents, string? testReports, Guid? demandEntryId,
        CancellationToken ct)
    {
        if (!permissions.Applies)
        {
            return Forbid();
        }

        await applications.ApplyAsync(kind, productName, model, indicators, firstUseOn, firstCustomer, noveltyReport, patents, testReports, demandEntryId, ct);
        return this.Flash("认定申请已提交，待所在县（市、区）、园区初审。", RedirectToAction(nameof(Applications)));
    }

    [Authorize]
    [HttpPost("applications/{id:guid}/screen")]
    public async Task<IActionResult> Screen([FromServices] FirstProductApplicationsHandler applications, Guid id, bool recommend, string? reason, uint version,
        CancellationToken ct) =>
        this.Answer(await applications.ScreenAsync(id, recommend, reason, version, ct),
            _ => this.Flash(recommend ? "已推荐至市经信局。" : "已退回企业。", RedirectToAction(nameof(Applications))));

    [Authorize]
    [HttpPost("applications/{id:guid}/decide")]
    public async Task<IActionResult> Decide([FromServices] FirstProductApplicationsHandler applications, Guid id, bool recognise, string? reason, uint version,
        CancellationToken ct) =>
        this.Answer(await applications.DecideAsync(id, recognise, reason, version, await permissions.DecidesAsync(ct), ct),
            _ => this.Flash(recognise ? "已认定。" : "已作出不予认定的决定。", RedirectToAction(nameof(Applications))));

    /// <summary>Builds the year's promotion catalog from recognised products not yet in one.</summary>
    [Authorize]
    [HttpPost("catalog/{year:int}")]
    public async Task<IActionResult> Catalog([FromServices] CatalogHandler catalog, int year, CancellationToken ct)
    {
        if (!await permissions.DecidesAsync(ct))
        {
            return Forbid();
        }

        var added = await catalog.BuildAsync(year, ct);
        return this.Flash($"已发布 {year} 年度推广应用目录，新列入 {added} 项。", RedirectToAction(nameof(CatalogPage), new { year }));
    }

    [AllowAnonymous]
    [HttpGet("catalog")]
    public async Task<IActionResult> CatalogPage([FromServices] CatalogHandler catalog, int? year, CancellationToken ct) =>
        View("Catalog", await catalog.PageAsync(year, permissions.Purchases, ct));

    [Authorize]
    [HttpPost("catalog/{id:guid}/purchases")]
    public async Task<IActionResult> Buy([FromServices] CatalogHandler catalog, Guid id, PurchaseKind kind, decimal? amount, DateOnly? on, CancellationToken ct) =>
        this.Answer(await catalog.BuyAsync(id, kind, amount, on, permissions.Purchases, ct),
            year => this.Flash("已登记采购。", RedirectToAction(nameof(CatalogPage), new { year })));
}
