using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AnqingTechTransfer.Web.Features.Targets.Values;

/// <summary>The yearly targets and entered actuals of a scope, one by one, and locking a period's targets at once.</summary>
[Authorize]
[Route("targets")]
public class TargetValuesController(TargetPermissions permissions) : Controller
{
    [HttpGet("value")]
    public async Task<IActionResult> Value([FromServices] TargetValueHandler values, Guid indicator, string? region, int year, bool actual, CancellationToken ct)
    {
        if (await this.GuardAsync(permissions, region, ct) is { } refused)
        {
            return refused;
        }

        var form = await values.FormAsync(indicator, region!, year, actual, ct);
        if (form is { IsLocked: true })
        {
            TempData[DomainExceptionFilter.FlashError] = "目标已锁定，须先解锁才能修改。";
            return RedirectToAction(nameof(Board.TargetsController.Index), "Targets", new { region });
        }

        return form is null ? NotFound() : View(form);
    }

    [HttpPost("value")]
    public async Task<IActionResult> Value([FromServices] TargetValueHandler values, TargetValueForm form, CancellationToken ct)
    {
        if (await this.GuardAsync(permissions, form.RegionCode, ct) is { } refused)
        {
            return refused;
        }

        if (await values.HandleAsync(form, ModelState.IsValid, ct) is not { } outcome)
        {
            return NotFound();
        }

        ModelState.AddErrors(outcome.Errors);
        if (!ModelState.IsValid)
        {
            return await values.WithIndicatorAsync(form, ct) is { } shown ? View(shown) : NotFound();
        }

        TempData[DomainExceptionFilter.FlashSuccess] = form.IsActual ? "实际值已保存。" : "目标已保存。";
        return RedirectToAction(nameof(Board.TargetsController.Index), "Targets", new { region = form.RegionCode });
    }

    [HttpPost("lock")]
    public Task<IActionResult> Lock([FromServices] LockTargetsHandler locks, string region, Guid period, CancellationToken ct) => LockAsync(locks, region, period, true, ct);

    [HttpPost("unlock")]
    public Task<IActionResult> Unlock([FromServices] LockTargetsHandler locks, string region, Guid period, CancellationToken ct) => LockAsync(locks, region, period, false, ct);

    private async Task<IActionResult> LockAsync(LockTargetsHandler locks, string region, Guid period, bool locking, CancellationToken ct)
    {
        if (await this.GuardAsync(permissions, region, ct) is { } refused)
        {
            return refused;
        }

        if (await locks.HandleAsync(region, period, locking, ct) is not { } message)
        {
            return NotFound();
        }

        TempData[DomainExceptionFilter.FlashSuccess] = message;
        return RedirectToAction(nameof(Board.TargetsController.Index), "Targets", new { region, period });
    }
}
