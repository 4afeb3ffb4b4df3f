using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Experts;
using AnqingTechTransfer.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AnqingTechTransfer.Web.Features.Experts.Reviews;

/// <summary>
/// 我的评审: an expert sees only their own assignments. Before seeing the materials they declare whether they have a
/// conflict; then they sign the commitment (承诺书), score on the panel's rubric and comment. The chief expert writes the
/// primary opinion and, when all have scored, closes the panel and signs the result.
/// </summary>
[Authorize]
[Route("reviews")]
public class ReviewsController(ReviewPermissions permissions, ActOnSeatHandler seat) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] MyAssignmentsHandler mine, bool waiting = false, CancellationToken ct = default) =>
        permissions.Reviews ? View(await mine.HandleAsync(waiting, ct)) : Forbid();

    [HttpGet("{memberId:guid}")]
    public async Task<IActionResult> Details([FromServices] AssignmentHandler assignment, Guid memberId, CancellationToken ct) =>
        permissions.Reviews && await assignment.HandleAsync(memberId, ct) is { } view ? View(view) : NotFound();

    [HttpPost("{memberId:guid}/declare")]
    public Task<IActionResult> Declare(Guid memberId, bool conflict, string? note, CancellationToken ct) =>
        ActAsync(memberId, (p, now) => p.Declare(memberId, conflict, note), conflict ? "已申报回避，由备选专家递补。感谢您的如实申报。" : "已声明无回避情形，请阅读并签署承诺书。", ct);

    [HttpPost("{memberId:guid}/commit")]
    public Task<IActionResult> Commit(Guid memberId, bool agree, CancellationToken ct) =>
        ActAsync(memberId, (p, now) =>
        {
            if (!agree)
            {
                throw new DomainException("请勾选同意承诺书内容");
            }

            p.Commit(memberId, now);
        }, "已签署承诺书，可以评分。", ct);

    [HttpPost("{memberId:guid}/score")]
    public Task<IActionResult> Score(Guid memberId, List<decimal>? scores, string? comment, CancellationToken ct) =>
        ActAsync(memberId, (p, now) => p.Score(memberId, scores ?? [], comment, now), "评分已提交；评审结束前可以修改。", ct);

    [HttpPost("{memberId:guid}/opinion")]
    public Task<IActionResult> Opinion(Guid memberId, string? opinion, CancellationToken ct) =>
        ActAsync(memberId, (p, now) => p.WritePrimaryOpinion(memberId, opinion ?? string.Empty), "主审意见已保存。", ct);

    [HttpPost("{memberId:guid}/close")]
    public Task<IActionResult> Close(Guid memberId, CancellationToken ct) =>
        ActAsync(memberId, (p, now) => p.Close(memberId, now), "评审已结束，评审结果已由您签署锁定。", ct);

    private async Task<IActionResult> ActAsync(Guid memberId, Action<ReviewPanel, DateTimeOffset> act, string done, CancellationToken ct)
    {
        if (!permissions.Reviews)
        {
            return Forbid();
        }

        if (await seat.HandleAsync(memberId, act, ct) is not { } outcome)
        {
            return NotFound();
        }

        TempData[outcome.Succeeded ? DomainExceptionFilter.FlashSuccess : DomainExceptionFilter.FlashError] =
            outcome.Succeeded ? done : outcome.Errors[0].Message;
        return RedirectToAction(nameof(Details), new { memberId });
    }
}
