using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AnqingTechTransfer.Web.Features.Projects.Selection;

/// <summary>
/// 评审与立项: the bureau sends an eligible application to an expert panel (the expert pool's draw and review), records the
/// panel's locked result, ranks a programme's applications against its budget, decides, and runs the publicity (公示) with
/// its objection channel; when the publicity has ended the approved applications are awarded.
/// </summary>
[Route("projects")]
public class SelectionController(ProjectPermissions permissions) : Controller
{
    private const string Panels = "Panels";

    [Authorize]
    [HttpPost("applications/{id:guid}/panel")]
    public async Task<IActionResult> Panel([FromServices] ReviewAndDecideHandler selection, Guid id, CancellationToken ct) =>
        this.Answer(await selection.PanelAsync(id, ct), set => this.Flash(set.Mode == FundingMode.Directed ? "已建立专家论证组，请抽取专家。" : "已建立评审组，请抽取专家。",
            RedirectToAction("Details", Panels, new { id = set.PanelId })));

    [Authorize]
    [HttpPost("programmes/{id:guid}/panels")]
    public async Task<IActionResult> BuildPanels([FromServices] ReviewAndDecideHandler selection, Guid id, CancellationToken ct) =>
        this.Answer(await selection.PanelsForProgrammeAsync(id, ct),
            done => this.Flash(done, RedirectToAction(nameof(Ranking), new { id })),
            refused => this.FlashError(refused!, RedirectToAction(nameof(Ranking), new { id })));

    [Authorize]
    [HttpPost("applications/{id:guid}/score")]
    public async Task<IActionResult> Score([FromServices] ReviewAndDecideHandler selection, Guid id, CancellationToken ct) =>
        this.Answer(await selection.ScoreAsync(id, ct),
            step => this.Flash($"已记录专家评审结果 {step.Score:0.00} 分。", RedirectToAction(nameof(Ranking), new { id = step.ProgrammeId })));

    [Authorize]
    [HttpGet("programmes/{id:guid}/ranking")]
    public async Task<IActionResult> Ranking([FromServices] RankingHandler ranking, Guid id, CancellationToken ct) =>
        this.Answer(await ranking.HandleAsync(id, permissions.ManagesPlan, ct), page => View(page));

    /// <summary>研发众包 方案比选: every eligible solution of the task side by side, for the bureau.</summary>
    [Authorize]
    [HttpGet("programmes/{id:guid}/solutions")]
    public async Task<IActionResult> Solutions([FromServices] SolutionsHandler solutions, Guid id, CancellationToken ct) =>
        this.Answer(await solutions.PageAsync(id, permissions.ManagesPlan, ct), page => View(page));

    /// <summary>Accepts at most N solutions (each with an amount) and rejects each other one with a reason; errors next to their rows.</summary>
    [Authorize]
    [HttpPost("programmes/{id:guid}/solutions")]
    public async Task<IActionResult> Solutions([FromServices] SolutionsHandler solutions, Guid id, SolutionsForm form, CancellationToken ct) =>
        this.Answer(await solutions.DecideAsync(id, form, ModelState.IsValid, permissions.ManagesPlan, ct),
            page => this.Flash($"已记录方案比选结果：采纳 {page.AlreadyAccepted} 个方案，各申报单位已收到通知。", RedirectToAction(nameof(Solutions), new { id })),
            page => View(nameof(Solutions), page));

    [Authorize]
    [HttpPost("applications/{id:guid}/decide")]
    public async Task<IActionResult> Decide([FromServices] ReviewAndDecideHandler selection, Guid id, bool approve, decimal? amount, string? remark, uint version,
        CancellationToken ct) =>
        this.Answer(await selection.DecideAsync(id, approve, amount, remark, version, ct),
            step => this.Flash(approve ? "已拟立项。" : "已决定不予立项。", RedirectToAction(nameof(Ranking), new { id = step.ProgrammeId })));

    [Authorize]
    [HttpPost("programmes/{id:guid}/publicity")]
    public async Task<IActionResult> OpenPublicity([FromServices] OpenPublicityHandler open, Guid id, CancellationToken ct) =>
        this.Answer(await open.HandleAsync(id, permissions.ManagesPlan, ct),
            publicity => this.Flash($"已发布立项公示，公示期至 {publicity.EndsOn:yyyy年M月d日}。", RedirectToAction(nameof(Publicity), new { id = publicity.Id })));

    [AllowAnonymous]
    [HttpGet("publicity/{id:guid}")]
    public async Task<IActionResult> Publicity([FromServices] PublicityDetailsHandler details, Guid id, CancellationToken ct) =>
        await details.HandleAsync(id, permissions.ManagesPlan, ct) is { } view ? View(view) : NotFound();

    /// <summary>The objection channel is open to everyone during the window: a name or unit and a way to be reached are required.</summary>
    [AllowAnonymous]
    [HttpPost("publicity/{id:guid}/objections")]
    public async Task<IActionResult> Object([FromServices] PublicityStepsHandler steps, Guid id, string? from, string? text, CancellationToken ct) =>
        this.Answer(await steps.ObjectAsync(id, from, text, ct), done => this.Flash(done, RedirectToAction(nameof(Publicity), new { id })), refused =>
        {
            TempData[DomainExceptionFilter.FlashError] = refused;
            return RedirectToAction(nameof(Publicity), new { id });
        });

    [Authorize]
    [HttpPost("publicity/{id:guid}/objections/{objectionId:guid}/answer")]
    public async Task<IActionResult> Answer([FromServices] PublicityStepsHandler steps, Guid id, Guid objectionId, string? answer, ObjectionEffect effect,
        Guid? applicationId, CancellationToken ct) =>
        this.Answer(await steps.AnswerAsync(id, objectionId, answer, permissions.ManagesPlan, ct, effect, applicationId),
            done => this.Flash(done, RedirectToAction(nameof(Publicity), new { id })), refused => Refused(refused, id));

    /// <summary>A held application, after the bureau's check: reinstated or removed, with the reason the public list shows.</summary>
    [Authorize]
    [HttpPost("publicity/{id:guid}/applications/{applicationId:guid}/resolve")]
    public async Task<IActionResult> Resolve([FromServices] PublicityStepsHandler steps, Guid id, Guid applicationId, bool reinstate, string? reason, CancellationToken ct) =>
        this.Answer(await steps.ResolveAsync(id, applicationId, reinstate, reason, permissions.ManagesPlan, ct),
            done => this.Flash(done, RedirectToAction(nameof(Publicity), new { id })), refused => Refused(refused, id));

    private RedirectToActionResult Refused(string? message, Guid id)
    {
        TempData[DomainExceptionFilter.FlashError] = message;
        return RedirectToAction(nameof(Publicity), new { id });
    }

    [Authorize]
    [HttpPost("publicity/{id:guid}/end")]
    public async Task<IActionResult> End([FromServices] PublicityStepsHandler steps, Guid id, CancellationToken ct) =>
        this.Answer(await steps.EndAsync(id, permissions.ManagesPlan, ct), done => this.Flash(done, RedirectToAction(nameof(Publicity), new { id })));
}
