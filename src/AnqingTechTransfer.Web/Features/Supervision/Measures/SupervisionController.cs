using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Supervision;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AnqingTechTransfer.Web.Features.Supervision.Measures;

/// <summary>
/// 任务督办: the plan's measures, each led by named units that report their progress every quarter; the bureau reviews the
/// reports (accepts or asks for more), sees the board of all measures by status and unit with the late reports standing
/// out, and marks a measure done. The rights are <see cref="SupervisionPermissions"/>', asked by the handlers on the record.
/// </summary>
[Authorize(Roles = $"{PortalRoles.Bureau},{PortalRoles.BureauAdmin},{PortalRoles.Department},{PortalRoles.County},{PortalRoles.Park},{PortalRoles.Leader}")]
[Route("supervision")]
public class SupervisionController : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] MeasureBoardHandler board, MeasureStatus? status, bool late = false, bool mine = false, string? unit = null,
        int? period = null, BoardTodo? todo = null, CancellationToken ct = default) =>
        View(await board.HandleAsync(status, late, mine, unit, period, ct, todo is BoardTodo.Waiting or BoardTodo.Unreported or BoardTodo.More ? todo : null));

    /// <summary>The bureau opens the next plan period, carrying the open measures over with a new deadline (after a confirmation).</summary>
    [HttpPost("periods")]
    public async Task<IActionResult> OpenPeriod([FromServices] OpenPlanPeriodHandler open, int? startYear, int? endYear, DateOnly? deadline, CancellationToken ct) =>
        this.Answer(await open.HandleAsync(startYear, endYear, deadline, ct),
            p => this.Flash($"已开启{MeasurePeriods.Label(p.Start, p.End)}行动方案期，结转未完成任务 {p.Carried} 项；上一期任务已结束，只能查看。", RedirectToAction(nameof(Index))));

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Details([FromServices] MeasureDetailsHandler details, Guid id, CancellationToken ct) =>
        await details.HandleAsync(id, ct) is { } page ? View(page) : NotFound();

    [HttpPost("{id:guid}/reports")]
    [RequestSizeLimit(25L * 1024 * 1024)]
    public async Task<IActionResult> File([FromServices] FileMeasureReportHandler filing, Guid id, string? period, string? progress, string[]? figureName,
        decimal?[]? figureValue, string[]? figureUnit, IFormFile? file, CancellationToken ct) =>
        this.Answer(await filing.HandleAsync(id, new MeasureReportInput(period, progress, figureName, figureValue, figureUnit, file), ct),
            quarter => this.Flash($"已报送{quarter.Label}工作进展，待市科技局审阅。", ToMeasure(id)));

    [HttpPost("reports/{id:guid}/revise")]
    public async Task<IActionResult> Revise([FromServices] ReviewMeasureReportHandler review, Guid id, uint version, string? progress, string[]? figureName,
        decimal?[]? figureValue, string[]? figureUnit, CancellationToken ct) =>
        this.Answer(await review.ReviseAsync(id, version, progress, figureName, figureValue, figureUnit, ct), r => this.Flash("已修改并重新报送。", ToMeasure(r.MeasureId)));

    [HttpPost("reports/{id:guid}/accept")]
    public async Task<IActionResult> Accept([FromServices] ReviewMeasureReportHandler review, Guid id, uint version, string? note, CancellationToken ct) =>
        this.Answer(await review.AcceptAsync(id, version, note, ct), r => this.Flash("已审阅该进展报告。", ToMeasure(r.MeasureId)));

    [HttpPost("reports/{id:guid}/ask")]
    public async Task<IActionResult> AskForMore([FromServices] ReviewMeasureReportHandler review, Guid id, uint version, string? note, CancellationToken ct) =>
        this.Answer(await review.AskForMoreAsync(id, version, note, ct), r => this.Flash("已要求牵头单位补充。", ToMeasure(r.MeasureId)));

    [HttpPost("{id:guid}/done")]
    public async Task<IActionResult> Done([FromServices] DecideMeasureHandler decide, Guid id, uint version, string? conclusion, CancellationToken ct) =>
        this.Answer(await decide.DoneAsync(id, version, conclusion, ct), _ => this.Flash("已标记该任务完成。", ToMeasure(id)));

    [HttpPost("{id:guid}/reopen")]
    public async Task<IActionResult> Reopen([FromServices] DecideMeasureHandler decide, Guid id, uint version, string? reason, CancellationToken ct) =>
        this.Answer(await decide.ReopenAsync(id, version, reason, ct), _ => this.Flash("已重新打开该任务。", ToMeasure(id)));

    [HttpPost("{id:guid}/leads")]
    public async Task<IActionResult> AssignLeads([FromServices] DecideMeasureHandler decide, Guid id, uint version, Guid[]? organizations, string[]? regions,
        DateOnly? deadline, CancellationToken ct) =>
        this.Answer(await decide.AssignLeadsAsync(id, version, organizations, regions, deadline, ct), _ => this.Flash("已更新牵头单位和完成期限。", ToMeasure(id)));

    private RedirectToActionResult ToMeasure(Guid id) => RedirectToAction(nameof(Details), new { id });
}
