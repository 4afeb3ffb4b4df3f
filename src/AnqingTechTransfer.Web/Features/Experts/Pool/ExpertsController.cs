using AnqingTechTransfer.Domain.Experts;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AnqingTechTransfer.Web.Features.Experts.Pool;

/// <summary>
/// 评审专家库: experts apply (or are recommended by the bureau, a county or a park); the bureau approves, suspends,
/// reinstates or removes them with reasons, keeps their integrity records and the yearly re-evaluation. Identity numbers
/// are stored encrypted and shown masked; the same person cannot be entered twice. One use case per action.
/// </summary>
[Authorize]
[Route("experts")]
public class ExpertsController(ExpertPermissions permissions) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] ExpertListHandler list, string? q, ExpertStatus? status, bool due = false, int page = 1,
        CancellationToken ct = default)
    {
        if (!permissions.MayRecommend)
        {
            return permissions.IsExpert ? RedirectToAction(nameof(Mine)) : Forbid();
        }

        return View(await list.HandleAsync(q, status, due, page, permissions.ManagesPool, ct));
    }

    [HttpGet("mine")]
    public async Task<IActionResult> Mine([FromServices] OwnExpertRecordHandler own, CancellationToken ct)
    {
        if (!permissions.IsExpert)
        {
            return Forbid();
        }

        return await own.HandleAsync(ct) is { } found ? RedirectToAction(nameof(Details), new { id = found }) : RedirectToAction(nameof(Apply));
    }

    [HttpGet("apply")]
    public async Task<IActionResult> Apply([FromServices] ApplyExpertHandler apply, CancellationToken ct) =>
        permissions.MayApply ? View(await apply.NewAsync(ct)) : Forbid();

    [HttpPost("apply")]
    public async Task<IActionResult> Apply([FromServices] ApplyExpertHandler apply, ExpertForm form, CancellationToken ct)
    {
        if (!permissions.MayApply)
        {
            return Forbid();
        }

        var outcome = await apply.HandleAsync(form, ModelState.IsValid, permissions.AppliesForSelf, ct);
        ModelState.AddErrors(outcome.Errors);
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        TempData[DomainExceptionFilter.FlashSuccess] = "已提交入库申请，待市科技局审核。";
        return RedirectToAction(nameof(Details), new { id = outcome.Value });
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Details([FromServices] ExpertDetailsHandler details, Guid id, CancellationToken ct) =>
        Show(await details.HandleAsync(id, ct));

    /// <summary>The full ID number, mobile and bank account for the bureau and the expert; every unmasking is an audit row.</summary>
    [HttpPost("{id:guid}/reveal")]
    public async Task<IActionResult> Reveal([FromServices] ExpertDetailsHandler details, Guid id, CancellationToken ct) =>
        Show(await details.RevealAsync(id, ct));

    [HttpGet("{id:guid}/edit")]
    public async Task<IActionResult> Edit([FromServices] EditExpertHandler edit, Guid id, CancellationToken ct)
    {
        return this.Answer(await edit.FormAsync(id, ct), page => View(page));
    }

    [HttpPost("{id:guid}/edit")]
    public async Task<IActionResult> Edit([FromServices] EditExpertHandler edit, Guid id, ExpertForm form, CancellationToken ct)
    {
        // Identity is not edited here: a changed ID number is a new person.
        foreach (var key in new[] { nameof(form.Name), nameof(form.IdNumber), nameof(form.Mobile) })
        {
            ModelState.Remove(key);
        }

        return this.Answer(await edit.HandleAsync(id, form, ModelState.IsValid, ct),
            _ => this.Flash("已保存。关联关系的变化会在下一次抽取专家时自动用于回避判断。", RedirectToAction(nameof(Details), new { id })), _ => View(form));
    }

    [HttpPost("{id:guid}/{step:regex(^(approve|reject|suspend|reinstate|remove|reevaluate)$)}")]
    public async Task<IActionResult> Decide([FromServices] DecideExpertHandler decide, Guid id, string step, string? reason, DateOnly? until, uint version,
        CancellationToken ct) =>
        Done(await decide.HandleAsync(id, step, reason, until, version, ct), "已办理。");

    [HttpPost("{id:guid}/integrity")]
    public async Task<IActionResult> Integrity([FromServices] DecideExpertHandler decide, Guid id, IntegrityEventKind kind, string? evidence, Sanction sanction,
        DateOnly? until, CancellationToken ct) =>
        Done(await decide.RecordIntegrityAsync(id, kind, evidence, sanction, until, ct), "诚信记录已登记。");

    private IActionResult Show(RecordResult<ExpertDetailsPage> result) => this.Answer(result, page => View(nameof(Details), page));

    private IActionResult Done(RecordResult<Guid> result, string message) =>
        this.Answer(result, id => this.Flash(message, RedirectToAction(nameof(Details), new { id })));
}
