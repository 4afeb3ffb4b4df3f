using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AnqingTechTransfer.Web.Features.Targets.Cockpit;

/// <summary>
/// 领导驾驶舱: where the city and each county or park stand against the plan's targets. The city's view (bureau, city
/// leaders, municipal departments) may open any scope; a county's or park's science office and leaders only their own —
/// another scope is answered 404, as if it did not exist.
/// </summary>
[Authorize]
[Route("cockpit")]
public class CockpitController(CockpitHandler cockpit, Projects.Awarded.EnterpriseLeadHandler enterpriseLead, TargetPermissions permissions, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public Task<IActionResult> Index(string? region, int? year, CancellationToken ct) => RenderAsync(region, year, nameof(Index), ct);

    [HttpGet("print")]
    public Task<IActionResult> Print(string? region, int? year, CancellationToken ct) => RenderAsync(region, year, nameof(Print), ct);

    [HttpGet("export")]
    public async Task<IActionResult> Export([FromServices] CockpitExportHandler export, string? region, int? year, CancellationToken ct)
    {
        if (!permissions.CanView)
        {
            return Forbid();
        }

        if (permissions.Resolve(region) is not { } scope)
        {
            return NotFound();
        }

        var workbook = await export.HandleAsync(scope, ChosenYear(year), ct);
        return await this.ToExcelAsync(workbook.Sheets, workbook.BaseName, clock);
    }

    private async Task<IActionResult> RenderAsync(string? region, int? year, string viewName, CancellationToken ct)
    {
        if (!permissions.CanView)
        {
            return Forbid();
        }

        if (permissions.Resolve(region) is not { } scope)
        {
            return NotFound();
        }

        var seesCity = permissions.SeesCity;
        var canSetTargets = await permissions.SetsTargetsAsync(ct);
        var chosen = ChosenYear(year);
        // The plan's 70 % is the city's: shown on the city's cockpit.
        var lead = scope == Domain.Regions.AnqingRegions.City ? await enterpriseLead.OfYearAsync(chosen, withApproved: false, ct) : null;
        return View(viewName, new CockpitPage(await cockpit.BuildAsync(scope, chosen, ct), seesCity, canSetTargets, lead));
    }

    private int ChosenYear(int? year)
    {
        var current = Display.Local(clock.GetUtcNow()).Year;
        return year is { } y && y >= CockpitHandler.BaselineYear && y <= current ? y : current;
    }
}
