using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AnqingTechTransfer.Web.Features.Projects.Applications;

/// <summary>
/// 项目申报: enterprises and universities fill in their application (team, budget, milestones, documents), save drafts and
/// submit before the programme closes on the server clock; their county or park recommends or returns it; the bureau's
/// formal check tests the rules it can and lists every failure with its reason.
/// </summary>
[Authorize]
[Route("projects/applications")]
public class ApplicationsController(ProjectPermissions permissions) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] ApplicationListHandler list, ApplicationStatus? status, int page = 1, CancellationToken ct = default) =>
        permissions.ReadsApplications ? View(await list.HandleAsync(status, page, ct)) : Forbid();

    [HttpPost("new")]
    public async Task<IActionResult> New([FromServices] StartApplicationHandler start, Guid programmeId, Guid? problemId, CancellationToken ct)
    {
        if (!permissions.MayApply)
        {
            return Forbid();
        }

        return await start.HandleAsync(programmeId, problemId, ct) is { } id ? RedirectToAction(nameof(Details), new { id }) : NotFound();
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Details([FromServices] ApplicationDetailsHandler details, Guid id, CancellationToken ct) =>
        await details.HandleAsync(id, null, ct) is { } view ? View(view) : NotFound();

    [HttpPost("{id:guid}")]
    public async Task<IActionResult> Save([FromServices] SaveApplicationHandler save, Guid id, ApplicationForm form, CancellationToken ct) =>
        this.Answer(await save.HandleAsync(id, form, ModelState.IsValid, ct),
            _ => this.Flash("已保存草稿。", RedirectToAction(nameof(Details), new { id })), view => View(nameof(Details), view));

    /// <summary>竞争后补助: the results already achieved and the audited R&amp;D spend (its own form, next to the application's).</summary>
    [HttpPost("{id:guid}/results")]
    public async Task<IActionResult> Results([FromServices] DeclareResultsHandler declare, Guid id, ResultsForm form, CancellationToken ct) =>
        this.Answer(await declare.HandleAsync(id, form, ModelState.IsValid, ct),
            _ => this.Flash("已保存成果和研发投入，补助金额已按补助比例核算。", RedirectToAction(nameof(Details), new { id })), view => View(nameof(Details), view));

    /// <summary>保存并上传: the file with the form as typed; the draft is saved first, so nothing typed is lost.</summary>
    [HttpPost("{id:guid}/attachments")]
    [RequestSizeLimit(25L * 1024 * 1024)]
    public async Task<IActionResult> Attach([FromServices] AttachToApplicationHandler attach, Guid id, string? kind, IFormFile? file, ApplicationForm form,
        CancellationToken ct) =>
        this.Answer(await attach.HandleAsync(id, kind, file, form, ModelState.IsValid, ct), done => this.Flash(done.Message, RedirectToAction(nameof(Details), new { id })),
            refused => refused!.Page is { } page
                ? View(nameof(Details), page)
                : this.FlashError(refused.Message, RedirectToAction(nameof(Details), new { id })));

    [HttpPost("{id:guid}/submit")]
    public async Task<IActionResult> Submit([FromServices] ApplicationStepsHandler steps, Guid id, uint version, CancellationToken ct) =>
        Done(await steps.SubmitAsync(id, version, ct), id);

    [HttpPost("{id:guid}/recommend")]
    public async Task<IActionResult> Recommend([FromServices] ApplicationStepsHandler steps, Guid id, bool recommend, string? remark, uint version, CancellationToken ct) =>
        Done(await steps.RecommendAsync(id, recommend, remark, version, ct), id);

    [HttpPost("{id:guid}/check")]
    public async Task<IActionResult> Check([FromServices] ApplicationStepsHandler steps, Guid id, uint version, CancellationToken ct) =>
        Done(await steps.CheckAsync(id, version, ct), id);

    /// <summary>揭榜挂帅: the enterprise that posted the problem says whether it supports the team.</summary>
    [HttpPost("{id:guid}/poster-opinion")]
    public async Task<IActionResult> PosterOpinion([FromServices] ApplicationStepsHandler steps, Guid id, bool supports, string? opinion, CancellationToken ct) =>
        Done(await steps.PosterOpinionAsync(id, supports, opinion, ct), id);

    /// <summary>A step done: its message, back to the application.</summary>
    private IActionResult Done(RecordResult<string> result, Guid id) => this.Answer(result, done => this.Flash(done, RedirectToAction(nameof(Details), new { id })));
}
