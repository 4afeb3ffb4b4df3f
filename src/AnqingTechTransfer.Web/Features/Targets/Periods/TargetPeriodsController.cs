using AnqingTechTransfer.Domain.Regions;
using AnqingTechTransfer.Domain.Targets;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AnqingTechTransfer.Web.Features.Targets.Periods;

/// <summary>规划期: the bureau and the assessing department add a plan period and generate its yearly targets from the baselines.</summary>
[Authorize]
[Route("targets/periods")]
public class TargetPeriodsController(TargetPermissions permissions) : Controller
{
    [HttpGet("new")]
    public async Task<IActionResult> NewPeriod(CancellationToken ct) =>
        await this.GuardAsync(permissions, AnqingRegions.City, ct) ?? View(NewPlanPeriodHandler.New());

    [HttpPost("new")]
    public async Task<IActionResult> NewPeriod([FromServices] NewPlanPeriodHandler periods, PlanPeriodForm form, CancellationToken ct)
    {
        if (await this.GuardAsync(permissions, AnqingRegions.City, ct) is { } refused)
        {
            return refused;
        }

        var outcome = await periods.HandleAsync(form, ModelState.IsValid, ct);
        ModelState.AddErrors(outcome.Errors);
        if (!ModelState.IsValid || outcome.Value is not { } period)
        {
            return View(form);
        }

        TempData[DomainExceptionFilter.FlashSuccess] = $"已新增规划期。请录入 {period.BaselineYear} 年基数后点击“生成年度目标”。";
        return RedirectToAction(nameof(Board.TargetsController.Index), "Targets", new { period = period.Id });
    }

    [HttpPost("{id:guid}/generate")]
    public async Task<IActionResult> Generate([FromServices] TargetPlanHandler planner, Guid id, CancellationToken ct)
    {
        if (await this.GuardAsync(permissions, AnqingRegions.City, ct) is { } refused)
        {
            return refused;
        }

        if (await planner.GenerateAsync(id, ct) is not { } generated)
        {
            return NotFound();
        }

        var (period, outcome) = generated;
        TempData[DomainExceptionFilter.FlashSuccess] =
            $"已按{(period.Shape == PathShape.Geometric ? "等比" : "等差")}增长生成年度目标：新增 {outcome.Created} 个，更新 {outcome.Updated} 个，已锁定未改动 {outcome.Locked} 个。";
        return RedirectToAction(nameof(Board.TargetsController.Index), "Targets", new { period = period.Id });
    }
}
