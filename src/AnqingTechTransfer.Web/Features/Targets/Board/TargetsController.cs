using AnqingTechTransfer.Domain.Targets;
using AnqingTechTransfer.Web.Features.Shared;
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
        return View(page with { CanSet = await permissions.SetsTargetsAsync(ct), ChoosesContractField = permissions.ChoosesContractField });
    }

    /// <summary>Which field of the contract form the plan's 技术合同交易额 target tracks (成交额 or 技术交易额); the bureau's choice.</summary>
    [HttpPost("contract-field")]
    public async Task<IActionResult> ContractField([FromServices] ChooseContractFieldHandler choose, IndicatorSource field, string? region, CancellationToken ct) =>
        this.Answer(await choose.HandleAsync(field, permissions.ChoosesContractField, ct),
            chosen => this.Flash($"技术合同交易额目标已改为取“{(chosen == IndicatorSource.TechAmount ? "技术交易额" : "成交额")}”字段。",
                RedirectToAction(nameof(Index), new { region })));

}
