using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Experts;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Infrastructure;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Reviews;

public sealed record AssignmentRow(Guid MemberId, string Title, string SubjectKind, DateOnly ReviewDate, PanelStatus PanelStatus, MemberRole Role, bool IsChief,
    MemberState State, decimal? Fee);

public sealed record AssignmentView(PanelMember Seat, ReviewPanel Panel, int SittingCount, int ScoredCount, decimal Fee);

public class ReviewOptions
{
    public const string Section = "Reviews";

    /// <summary>The fee (元) for a completed review, shown in the expert's history.</summary>
    public decimal FeePerReview { get; set; } = 800m;
}

/// <summary>
/// 我的评审: an expert sees only their own assignments. Before seeing the materials they declare whether they have a
/// conflict; then they sign the commitment (承诺书), score on the panel's rubric and comment. The chief expert writes the
/// primary opinion and, when all have scored, closes the panel and signs the result.
/// </summary>
[Authorize]
[Route("reviews")]
public class ReviewsController(PortalDbContext db, ICurrentActor actor, ReviewPermissions permissions, WholePanelHandler whole, Microsoft.Extensions.Options.IOptions<ReviewOptions> options,
    TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        if (!permissions.Reviews)
        {
            return Forbid();
        }

        var me = actor.UserId;
        var fee = options.Value.FeePerReview;
        var rows = await db.PanelMembers.AsNoTracking().Where(m => m.ExpertUserId == me)
            .Join(db.ReviewPanels.AsNoTracking(), m => m.PanelId, p => p.Id, (m, p) => new { m, p })
            .OrderByDescending(x => x.p.ReviewDate)
            .Select(x => new AssignmentRow(x.m.Id, x.p.Title, x.p.SubjectKind, x.p.ReviewDate, x.p.Status, x.m.Role, x.m.IsChief, x.m.State,
                x.m.State == MemberState.Scored ? fee : null))
            .ToListAsync(ct);
        return View(rows);
    }

    [HttpGet("{memberId:guid}")]
    public async Task<IActionResult> Details(Guid memberId, CancellationToken ct)
    {
        if (await SeatAsync(memberId, ct) is not { } seat)
        {
            return NotFound();
        }

        var panel = await whole.LoadAsync(seat.PanelId, ct);
        var sitting = panel.Members.Where(m => m.Role == MemberRole.Member && m.IsActive).ToList();
        return View(new AssignmentView(panel.Members.Single(m => m.Id == memberId), panel, sitting.Count, sitting.Count(m => m.State == MemberState.Scored),
            options.Value.FeePerReview));
    }

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

    /// <summary>The user's own seat, through the seats' filter: another's seat does not exist for them.</summary>
    private async Task<PanelMember?> SeatAsync(Guid memberId, CancellationToken ct)
    {
        if (!permissions.Reviews)
        {
            return null;
        }

        var me = actor.UserId;
        return await db.PanelMembers.AsNoTracking().SingleOrDefaultAsync(m => m.Id == memberId && m.ExpertUserId == me, ct);
    }

    private async Task<IActionResult> ActAsync(Guid memberId, Action<ReviewPanel, DateTimeOffset> act, string done, CancellationToken ct)
    {
        if (!permissions.Reviews)
        {
            return Forbid();
        }

        if (await SeatAsync(memberId, ct) is not { } seat)
        {
            return NotFound();
        }

        var panel = await whole.LoadAsync(seat.PanelId, ct);
        try
        {
            act(panel, clock.GetUtcNow());
        }
        catch (DomainException e)
        {
            TempData[DomainExceptionFilter.FlashError] = e.Message;
            return RedirectToAction(nameof(Details), new { memberId });
        }

        await db.SaveChangesAsync(ct);
        TempData[DomainExceptionFilter.FlashSuccess] = done;
        return RedirectToAction(nameof(Details), new { memberId });
    }
}
