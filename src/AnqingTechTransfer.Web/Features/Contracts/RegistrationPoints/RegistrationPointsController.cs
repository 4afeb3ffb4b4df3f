using AnqingTechTransfer.Web.Authorization;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AnqingTechTransfer.Web.Features.Contracts.RegistrationPoints;

/// <summary>The bureau creates registration points, assigns registrars to them, and closes them (their history stays).</summary>
[Authorize(Policy = Policies.BureauStaff)]
[Route("registration-points")]
public class RegistrationPointsController(PointListHandler list, PointFormHandler forms, PointStatusHandler status, RegistrarAssignmentHandler registrars)
    : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await list.ListAsync(ct));

    [HttpGet("new")]
    public IActionResult New() => View("Form", new PointForm());

    [HttpPost("new")]
    public async Task<IActionResult> New(PointForm form, CancellationToken ct)
    {
        var outcome = await forms.CreateAsync(form, ModelState.IsValid, ct);
        ModelState.AddErrors(outcome.Errors);
        if (!ModelState.IsValid || !outcome.Succeeded)
        {
            return View("Form", form);
        }

        TempData[DomainExceptionFilter.FlashSuccess] = $"已新增登记点“{form.Name}”。";
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid id, CancellationToken ct) =>
        await forms.EditFormAsync(id, ct) is { } form ? View("Form", form) : NotFound();

    [HttpPost("{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid id, PointForm form, CancellationToken ct)
    {
        if (await forms.UpdateAsync(id, form, ModelState.IsValid, ct) is not { } outcome)
        {
            return NotFound();
        }

        ModelState.AddErrors(outcome.Errors);
        if (!ModelState.IsValid || !outcome.Succeeded)
        {
            return View("Form", form);
        }

        TempData[DomainExceptionFilter.FlashSuccess] = "已保存。";
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id:guid}/close")]
    public async Task<IActionResult> Close(Guid id, string? reason, uint version, CancellationToken ct) =>
        Done(await status.CloseAsync(id, version, reason, ct), "登记点已关闭，其历史合同保留可查。");

    [HttpPost("{id:guid}/reopen")]
    public async Task<IActionResult> Reopen(Guid id, uint version, CancellationToken ct) =>
        Done(await status.ReopenAsync(id, version, ct), "登记点已重新开放。");

    [HttpPost("{id:guid}/registrars")]
    public async Task<IActionResult> Assign(Guid id, string? userName, CancellationToken ct)
    {
        if (await registrars.AssignAsync(id, userName, ct) is not { } result)
        {
            return NotFound();
        }

        TempData[result.Done ? DomainExceptionFilter.FlashSuccess : DomainExceptionFilter.FlashError] = result.Message;
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id:guid}/registrars/{userId:guid}/remove")]
    public async Task<IActionResult> Unassign(Guid id, Guid userId, CancellationToken ct)
    {
        await registrars.UnassignAsync(id, userId, ct);
        TempData[DomainExceptionFilter.FlashSuccess] = "已取消指派。";
        return RedirectToAction(nameof(Index));
    }

    private IActionResult Done(bool found, string message)
    {
        if (!found)
        {
            return NotFound();
        }

        TempData[DomainExceptionFilter.FlashSuccess] = message;
        return RedirectToAction(nameof(Index));
    }
}
