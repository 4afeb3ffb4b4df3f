using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Reports;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AnqingTechTransfer.Web.Features.Supervision.Reports;

/// <summary>
/// 高校院所科技成果转化年度报告: a university or institute starts its report for an ended year, pre-filled from the contracts
/// it registered on the portal as seller; completes and submits it; the bureau accepts or returns it; the city summary
/// adds the accepted reports of a year.
/// </summary>
[Route("reports")]
[Authorize(Roles = $"{PortalRoles.Bureau},{PortalRoles.BureauAdmin},{PortalRoles.University},{PortalRoles.County},{PortalRoles.Park},{PortalRoles.Leader}")]
public class ReportsController(ReportPermissions permissions) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] ListReportsHandler list, int? year, TransferReportStatus? status, int page = 1, CancellationToken ct = default) =>
        View(await list.HandleAsync(year, status, page, ct));

    [HttpPost("")]
    public async Task<IActionResult> Start([FromServices] StartReportHandler start, int year, CancellationToken ct) =>
        permissions.Files
            ? this.Flash("已按平台登记的技术合同预填报告，请核对补充后报送。", RedirectToAction(nameof(Details), new { id = await start.HandleAsync(year, ct) }))
            : Forbid();

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Details([FromServices] ReportDetailsHandler details, Guid id, CancellationToken ct) =>
        await details.HandleAsync(id, ct) is { } page ? View(page) : NotFound();

    [HttpPost("{id:guid}")]
    public async Task<IActionResult> Edit([FromServices] EditReportHandler edit, Guid id, uint version, TransferReportForm form, bool submit, CancellationToken ct) =>
        this.Answer(await edit.HandleAsync(id, version, form, submit, ModelState.IsValid, ct),
            _ => this.Flash(submit ? "年度报告已报送，待市科技局审核。" : "已保存。", RedirectToAction(nameof(Details), new { id })), page => View(nameof(Details), page));

    [HttpPost("{id:guid}/accept")]
    public async Task<IActionResult> Accept([FromServices] ReviewReportHandler review, Guid id, uint version, string? note, CancellationToken ct) =>
        this.Answer(await review.HandleAsync(id, version, note, true, ct), _ => this.Flash("已审核通过，计入全市汇总。", RedirectToAction(nameof(Details), new { id })));

    [HttpPost("{id:guid}/return")]
    public async Task<IActionResult> Return([FromServices] ReviewReportHandler review, Guid id, uint version, string? note, CancellationToken ct) =>
        this.Answer(await review.HandleAsync(id, version, note, false, ct), _ => this.Flash("已退回修改。", RedirectToAction(nameof(Details), new { id })));

    [HttpGet("summary")]
    public async Task<IActionResult> Summary([FromServices] ReportSummaryHandler summary, int? year, CancellationToken ct) =>
        permissions.SeesSummary ? View(await summary.HandleAsync(year, ct)) : Forbid();
}
