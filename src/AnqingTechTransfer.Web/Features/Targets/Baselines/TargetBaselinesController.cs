using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AnqingTechTransfer.Web.Features.Targets.Baselines;

/// <summary>录入基数: the bureau and the assessing department enter a scope's baselines with their sources.</summary>
[Authorize]
[Route("targets/baseline")]
public class TargetBaselinesController(TargetPermissions permissions, BaselineHandler baselines) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Baseline(Guid indicator, string? region, int year, CancellationToken ct)
    {
        if (await this.GuardAsync(permissions, region, ct) is { } refused)
        {
            return refused;
        }

        return await baselines.FormAsync(indicator, region!, year, ct) is { } form ? View(form) : NotFound();
    }

    [HttpPost("")]
    public async Task<IActionResult> Baseline(BaselineForm form, CancellationToken ct)
    {
        if (await this.GuardAsync(permissions, form.RegionCode, ct) is { } refused)
        {
            return refused;
        }

        if (await baselines.HandleAsync(form, ModelState.IsValid, ct) is not { } outcome)
        {
            return NotFound();
        }

        ModelState.AddErrors(outcome.Errors);
        if (!ModelState.IsValid)
        {
            return await baselines.WithIndicatorAsync(form, false, ct) is { } shown ? View(shown) : NotFound();
        }

        TempData[DomainExceptionFilter.FlashSuccess] = "基数已保存。如需按新基数重新分解年度目标，请在规划期中点击“生成年度目标”。";
        return RedirectToAction(nameof(Board.TargetsController.Index), "Targets", new { region = form.RegionCode });
    }
}
