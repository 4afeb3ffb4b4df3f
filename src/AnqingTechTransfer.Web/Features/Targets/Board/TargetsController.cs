using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AnqingTechTransfer.Web.Features.Targets.Board;

/// <summary>
/// 目标管理: indicators, baselines with their sources, plan periods and the yearly targets per scope. The bureau and the
/// organization department set and lock; counties and parks read their own.
/// </summary>
[Authorize]
[Route("targets")]
public class TargetsController(TargetPermissions permissions) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] TargetBoardHandler board, string? region, Guid? period, CancellationToken ct)
    {
        if (!permissions.CanView)
        {
            return Forbid();
        }

        if (permissions.Resolve(region) is not { } scope)
        {
            return NotFound();
        }

        // The right is asked after the page's reads, as before (the same statements in the same order).
        var page = await board.HandleAsync(scope, period, false, permissions.ChoosesRegion, ct);
        return View(page with { CanSet = await permissions.SetsTargetsAsync(ct) });
    }
}
