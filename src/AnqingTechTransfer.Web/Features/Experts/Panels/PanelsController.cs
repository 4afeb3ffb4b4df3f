using AnqingTechTransfer.Domain.Experts;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AnqingTechTransfer.Web.Features.Experts.Panels;

/// <summary>
/// 评审组: the bureau creates a review, draws its experts, designates the chief expert, replaces no-shows and publishes
/// the result. Who sits on a panel is read only through the seats' tenant filter: a bureau user who recuses from a panel,
/// and the applicant, see no names before publicity on any page here or in the export. One use case per action.
/// </summary>
[Authorize]
[Route("panels")]
public class PanelsController(PanelPermissions permissions, PanelStepsHandler steps, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] PanelListHandler list, PanelStatus? status, int page = 1, CancellationToken ct = default) =>
        permissions.ManagesPanels ? View(await list.HandleAsync(status, page, ct)) : Forbid();

    [HttpGet("new")]
    public IActionResult New([FromServices] NewPanelHandler create) => permissions.ManagesPanels ? View(create.New()) : Forbid();

    [HttpPost("new")]
    public async Task<IActionResult> New([FromServices] NewPanelHandler create, PanelForm form, CancellationToken ct)
    {
        if (!permissions.ManagesPanels)
        {
            return Forbid();
        }

        var outcome = await create.HandleAsync(form, ModelState.IsValid, ct);
        ModelState.AddErrors(outcome.Errors);
        return ModelState.IsValid ? RedirectToAction(nameof(Details), new { id = outcome.Value }) : View(form);
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Details([FromServices] PanelDetailsHandler details, Guid id, CancellationToken ct) =>
        this.Answer(await details.HandleAsync(id, ct), page => View(page));

    [HttpPost("{id:guid}/draw")]
    public async Task<IActionResult> Draw([FromServices] DrawPanelHandler draw, Guid id, DrawForm form, CancellationToken ct) =>
        this.Answer(await draw.HandleAsync(id, form, ct),
            _ => this.Flash("已随机抽取专家。抽取记录（随机种子、候选名单、排除原因）已存档，可随时复核。", RedirectToAction(nameof(Details), new { id })));

    [HttpGet("{id:guid}/replay")]
    public async Task<IActionResult> Replay([FromServices] PanelReplayHandler replay, Guid id, CancellationToken ct) =>
        this.Answer(await replay.HandleAsync(id, ct), page => View(page));

    [HttpPost("{id:guid}/chief")]
    public async Task<IActionResult> Chief(Guid id, Guid memberId, CancellationToken ct) => Done(await steps.ChiefAsync(id, memberId, ct));

    [HttpPost("{id:guid}/members/{memberId:guid}/no-show")]
    public async Task<IActionResult> NoShow(Guid id, Guid memberId, CancellationToken ct) => Done(await steps.NoShowAsync(id, memberId, ct));

    [HttpPost("{id:guid}/members/{memberId:guid}/exclude")]
    public async Task<IActionResult> Exclude(Guid id, Guid memberId, CancellationToken ct) => Done(await steps.ExcludeAsync(id, memberId, ct));

    [HttpPost("{id:guid}/recuse")]
    public async Task<IActionResult> Recuse(Guid id, CancellationToken ct) => Done(await steps.RecuseAsync(id, ct));

    [HttpPost("{id:guid}/publish")]
    public async Task<IActionResult> Publish(Guid id, CancellationToken ct) => Done(await steps.PublishAsync(id, ct));

    [HttpGet("{id:guid}/export")]
    public async Task<IActionResult> Export([FromServices] ExportPanelHandler export, Guid id, CancellationToken ct)
    {
        var result = await export.HandleAsync(id, ct);
        return result.Verdict == Verdict.Done ? await this.ToExcelAsync(result.Value!, "评审组名单", clock) : this.Answer(result, _ => new EmptyResult());
    }

    private IActionResult Done(RecordResult<PanelStep> result) =>
        this.Answer(result, step =>
        {
            TempData[step.Succeeded ? DomainExceptionFilter.FlashSuccess : DomainExceptionFilter.FlashError] = step.Message;
            return RedirectToAction(nameof(Details), new { id = step.Id });
        });
}
