using AnqingTechTransfer.Domain.Enterprises;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AnqingTechTransfer.Web.Features.Enterprises.Cultivation;

/// <summary>
/// 高企培育库: the enterprises each county or park cultivates toward 高新技术企业 recognition, with the gaps still to close
/// and the follow-up notes. A county or park keeps its own list (others' entries are not found); the bureau sees all.
/// </summary>
[Authorize]
[Route("enterprises/cultivation")]
public class CultivationController(EnterprisePermissions permissions) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] CultivationListHandler list, string? q, CultivationStatus? status, int? targetYear, int page = 1,
        CancellationToken ct = default) =>
        permissions.Cultivates ? View(await list.HandleAsync(q, status, targetYear, page, ct)) : Forbid();

    [HttpGet("new")]
    public IActionResult New([FromServices] MarkForCultivationHandler mark) => permissions.Cultivates ? View(mark.New()) : Forbid();

    [HttpPost("new")]
    public async Task<IActionResult> New([FromServices] MarkForCultivationHandler mark, CultivationForm form, CancellationToken ct)
    {
        if (!permissions.Cultivates)
        {
            return Forbid();
        }

        var outcome = await mark.HandleAsync(form, ModelState.IsValid, ct);
        ModelState.AddErrors(outcome.Errors);
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        TempData[DomainExceptionFilter.FlashSuccess] = "已纳入高企培育库。";
        return RedirectToAction(nameof(Details), new { id = outcome.Value });
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Details([FromServices] CultivationDetailsHandler details, Guid id, CancellationToken ct) =>
        await details.HandleAsync(id, ct) is not { } page ? NotFound() : !permissions.Cultivates ? Forbid() : View(page);

    [HttpGet("{id:guid}/edit")]
    public async Task<IActionResult> Edit([FromServices] EditCultivationHandler edit, Guid id, CancellationToken ct) =>
        await edit.FormAsync(id, ct) is not { } form ? NotFound() : !permissions.Cultivates ? Forbid() : View(form);

    [HttpPost("{id:guid}/edit")]
    public async Task<IActionResult> Edit([FromServices] EditCultivationHandler edit, Guid id, CultivationForm form, CancellationToken ct)
    {
        // The enterprise itself is not edited here: its fields come from the entry.
        ModelState.Remove(nameof(form.CreditCode));
        ModelState.Remove(nameof(form.EnterpriseName));
        return this.Answer(await edit.HandleAsync(id, form, ModelState.IsValid, permissions.Cultivates, ct),
            _ => this.Flash("已保存。", RedirectToAction(nameof(Details), new { id })), _ => View(form));
    }

    [HttpPost("{id:guid}/notes")]
    public async Task<IActionResult> AddNote([FromServices] AddCultivationNoteHandler note, Guid id, string? text, CancellationToken ct)
    {
        return this.Answer(await note.HandleAsync(id, text, permissions.Cultivates, ct),
            _ => this.Flash("已添加跟踪记录。", RedirectToAction(nameof(Details), new { id })), page => View(nameof(Details), page));
    }
}
