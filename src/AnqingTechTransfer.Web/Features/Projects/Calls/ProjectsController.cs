using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace AnqingTechTransfer.Web.Features.Projects.Calls;

/// <summary>
/// 市科技计划项目: the public face (calls and the 揭榜 list, open to everyone) and the bureau's management of the yearly
/// call and its programmes.
/// </summary>
[Route("projects")]
public class ProjectsController(ProjectPermissions permissions) : Controller
{
    [OutputCache(PolicyName = Infrastructure.PublicPageCachePolicy.Name)] // anonymous requests only
    [AllowAnonymous]
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] ProjectsHomeHandler home, CancellationToken ct) =>
        View(await home.HandleAsync(permissions.ManagesPlan, ct));

    /// <summary>A programme of a published call, for anyone; the 申报 button for those who may apply while it is open.</summary>
    [AllowAnonymous]
    [HttpGet("programmes/{id:guid}")]
    public async Task<IActionResult> Programme([FromServices] ProgrammeDetailsHandler details, Guid id, CancellationToken ct) =>
        await details.HandleAsync(id, permissions.ManagesPlan, permissions.MayApply, User.Identity?.IsAuthenticated == true, ct) is { } page ? View(page) : NotFound();

    [Authorize]
    [HttpGet("calls")]
    public async Task<IActionResult> Calls([FromServices] CallListHandler list, CancellationToken ct) =>
        permissions.ManagesPlan ? View(await list.HandleAsync(ct)) : Forbid();

    [Authorize]
    [HttpGet("calls/new")]
    public IActionResult NewCall([FromServices] NewCallHandler create) => permissions.ManagesPlan ? View(create.New()) : Forbid();

    [Authorize]
    [HttpPost("calls/new")]
    public async Task<IActionResult> NewCall([FromServices] NewCallHandler create, CallForm form, CancellationToken ct)
    {
        if (!permissions.ManagesPlan)
        {
            return Forbid();
        }

        form.Title ??= string.Empty;
        return ModelState.IsValid ? RedirectToAction(nameof(Call), new { id = await create.HandleAsync(form, ct) }) : View(form);
    }

    [Authorize]
    [HttpGet("calls/{id:guid}")]
    public async Task<IActionResult> Call([FromServices] CallDetailsHandler details, Guid id, CancellationToken ct) =>
        await details.HandleAsync(id, ct) is not { } page ? NotFound() : permissions.ManagesPlan ? View(page) : Forbid();

    [Authorize]
    [HttpPost("calls/{id:guid}/programmes")]
    public async Task<IActionResult> AddProgramme([FromServices] AddProgrammeHandler add, Guid id, ProgrammeForm form, CancellationToken ct) =>
        this.Answer(await add.HandleAsync(id, form, ModelState.IsValid, permissions.ManagesPlan, ct),
            _ => this.Flash("已增加专项。", RedirectToAction(nameof(Call), new { id })), page => View(nameof(Call), page));

    [Authorize]
    [HttpPost("calls/{id:guid}/publish")]
    public async Task<IActionResult> Publish([FromServices] PublishCallHandler publish, Guid id, uint version, CancellationToken ct) =>
        this.Answer(await publish.HandleAsync(id, version, permissions.ManagesPlan, ct),
            _ => this.Flash("指南已发布，公众可在“科技计划项目”页面查看。", RedirectToAction(nameof(Call), new { id })));

    [Authorize]
    [HttpPost("calls/{id:guid}/text")]
    public async Task<IActionResult> EditCall([FromServices] CallTextHandler text, Guid id, CallForm form, CancellationToken ct) =>
        this.Answer(await text.EditAsync(id, form, ModelState.IsValid, permissions.ManagesPlan, ct),
            _ => this.Flash("已保存指南正文。", RedirectToAction(nameof(Call), new { id })), page => View(nameof(Call), page));

    [Authorize]
    [HttpPost("calls/{id:guid}/guide")]
    [RequestSizeLimit(25L * 1024 * 1024)]
    public async Task<IActionResult> UploadGuide([FromServices] CallTextHandler text, Guid id, IFormFile? file, CancellationToken ct) =>
        this.Answer(await text.UploadGuideAsync(id, file, permissions.ManagesPlan, ct), done => this.Flash(done, RedirectToAction(nameof(Call), new { id })),
            refused => this.FlashError(refused!, RedirectToAction(nameof(Call), new { id })));

    /// <summary>指南文件: for anyone once the call is published (signed in or not); 404 before, except to the bureau.</summary>
    [AllowAnonymous]
    [HttpGet("calls/{id:guid}/guide")]
    public async Task<IActionResult> Guide([FromServices] CallTextHandler text, Guid id, CancellationToken ct)
    {
        if (await text.GuideAsync(id, permissions.ManagesPlan, ct) is not { } file)
        {
            return NotFound();
        }

        var disposition = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(file.FileName);
        Response.Headers.ContentDisposition = disposition.ToString();
        return File(file.Bytes, file.ContentType);
    }

    [Authorize]
    [HttpGet("programmes/{id:guid}/edit")]
    public async Task<IActionResult> EditProgramme([FromServices] EditProgrammeHandler edit, Guid id, CancellationToken ct) =>
        this.Answer(await edit.GetAsync(id, permissions.ManagesPlan, ct), page => View(page),
            _ => this.FlashError("指南已发布，专项不能再修改。", RedirectToAction(nameof(Programme), new { id })));

    [Authorize]
    [HttpPost("programmes/{id:guid}/edit")]
    public async Task<IActionResult> EditProgramme([FromServices] EditProgrammeHandler edit, Guid id, ProgrammeForm form, CancellationToken ct) =>
        this.Answer(await edit.SaveAsync(id, form, ModelState.IsValid, permissions.ManagesPlan, ct),
            _ => this.Flash("已保存专项修改。", RedirectToAction(nameof(Programme), new { id })), page => View(page));
}
