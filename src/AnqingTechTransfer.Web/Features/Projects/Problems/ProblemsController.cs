using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AnqingTechTransfer.Web.Features.Projects.Problems;

/// <summary>
/// 企业出题: enterprises propose technical problems; their county or park screens them; the bureau lists the good ones on a
/// 揭榜挂帅 programme's 榜单, which is public.
/// </summary>
[Authorize]
[Route("projects/problems")]
public class ProblemsController(ProjectPermissions permissions) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] ProblemListHandler list, ProblemStatus? status, int page = 1, CancellationToken ct = default) =>
        permissions.ReadsProblems ? View(await list.HandleAsync(status, page, ct)) : Forbid();

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Details([FromServices] ProblemListHandler list, Guid id, CancellationToken ct) =>
        await list.DetailsAsync(id, ct) is { } page ? View(page) : NotFound();

    [HttpGet("new")]
    public IActionResult New() => permissions.MayPropose ? View(new ProblemForm()) : Forbid();

    [HttpPost("new")]
    public async Task<IActionResult> New([FromServices] ProposeProblemHandler propose, ProblemForm form, CancellationToken ct)
    {
        if (!permissions.MayPropose)
        {
            return Forbid();
        }

        (form.Title, form.Description, form.Targets) = (form.Title ?? string.Empty, form.Description ?? string.Empty, form.Targets ?? string.Empty);
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var outcome = await propose.HandleAsync(form, ct);
        ModelState.AddErrors(outcome.Errors);
        return outcome.Succeeded ? this.Flash("题目已提交，待所在县（市、区）、园区初审推荐。", RedirectToAction(nameof(Index))) : View(form);
    }

    [HttpPost("{id:guid}/screen")]
    public async Task<IActionResult> Screen([FromServices] ScreenProblemHandler screen, Guid id, bool pass, string? remark, uint version, CancellationToken ct) =>
        this.Answer(await screen.HandleAsync(id, pass, remark, version, ct),
            passed => this.Flash(passed ? "已推荐至市科技局。" : "已退回企业。", RedirectToAction(nameof(Index))));

    [HttpPost("{id:guid}/list")]
    public async Task<IActionResult> List([FromServices] ListProblemHandler listing, Guid id, Guid programmeId, uint version, CancellationToken ct) =>
        this.Answer(await listing.HandleAsync(id, programmeId, version, ct),
            _ => this.Flash("已列入榜单，公众可在“科技计划项目”页面查看。", RedirectToAction(nameof(Index))));
}
