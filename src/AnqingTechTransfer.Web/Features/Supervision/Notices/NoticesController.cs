using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Files;
using AnqingTechTransfer.Domain.Notices;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;

namespace AnqingTechTransfer.Web.Features.Supervision.Notices;

/// <summary>
/// 通知公告 and 公示: the bureau publishes notices with attachments and publicity notices open for a number of working days
/// with an objection form; the public reads them (the home page shows the latest) and objects within the window.
/// </summary>
[Route("notices")]
public class NoticesController(NoticePermissions permissions) : Controller
{
    [OutputCache(PolicyName = Infrastructure.PublicPageCachePolicy.Name)] // anonymous requests only
    [AllowAnonymous]
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] ListNoticesHandler list, string? q, NoticeKind? kind, Guid? publisher, Guid? measure, int? year, int page = 1,
        CancellationToken ct = default) =>
        View(await list.HandleAsync(new NoticeQuery(q, kind, publisher, measure, year), page, ct));

    [AllowAnonymous]
    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Details([FromServices] NoticeDetailsHandler details, Guid id, CancellationToken ct) =>
        await details.HandleAsync(id, permissions.Publishes, ct) is { } page ? View(page) : NotFound();

    /// <summary>A published notice's files are public, like the notice.</summary>
    [AllowAnonymous]
    [HttpGet("{id:guid}/files/{fileId:guid}")]
    public async Task<IActionResult> File([FromServices] NoticeFilesHandler files, Guid id, Guid fileId, CancellationToken ct)
    {
        if (await files.DownloadAsync(id, fileId, ct) is not { } file)
        {
            return NotFound();
        }

        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(file.FileName);
        Response.Headers.ContentDisposition = disposition.ToString();
        return File(file.Bytes, FileSignature.ContentType(file.Kind));
    }

    /// <summary>The bureau, or a lead unit for the measures it leads.</summary>
    [Authorize]
    [HttpGet("new")]
    public async Task<IActionResult> New([FromServices] PublishNoticeHandler publish, CancellationToken ct) =>
        await publish.NewAsync(ct) is { } form ? View(form) : Forbid();

    [Authorize]
    [HttpPost("new")]
    [RequestSizeLimit(25L * 1024 * 1024)]
    public async Task<IActionResult> New([FromServices] PublishNoticeHandler publish, NoticeForm form, CancellationToken ct) =>
        this.Answer(await publish.HandleAsync(form, ModelState.IsValid, ct),
            id => this.Flash(form.Kind == NoticeKind.Publicity ? "公示已发布。" : "通知已发布。", RedirectToAction(nameof(Details), new { id })), _ => View(form));

    /// <summary>The bureau, or the lead unit that published the notice.</summary>
    [Authorize]
    [HttpPost("{id:guid}/withdraw")]
    public async Task<IActionResult> Withdraw([FromServices] NoticeStepsHandler steps, Guid id, uint version, string? reason, CancellationToken ct) =>
        this.Answer(await steps.WithdrawAsync(id, version, reason, ct), _ => this.Flash("已撤回。", RedirectToAction(nameof(Index))));

    /// <summary>Anyone may object during a publicity window, giving a name or unit and a way to be reached.</summary>
    [AllowAnonymous]
    [HttpPost("{id:guid}/objections")]
    public async Task<IActionResult> Object([FromServices] NoticeStepsHandler steps, Guid id, string? from, string? text, CancellationToken ct) =>
        await steps.ObjectAsync(id, from, text, ct)
            ? this.Flash("异议已提交，市科技局将核实并答复。", RedirectToAction(nameof(Details), new { id }))
            : NotFound();

    [Authorize(Roles = PortalRoles.Bureau)]
    [HttpPost("{id:guid}/objections/{objectionId:guid}/answer")]
    public async Task<IActionResult> Answer([FromServices] NoticeStepsHandler steps, Guid id, Guid objectionId, string? answer, CancellationToken ct) =>
        this.Answer(await steps.AnswerAsync(id, objectionId, answer, permissions.Publishes, ct), _ => this.Flash("已答复。", RedirectToAction(nameof(Details), new { id })));
}
