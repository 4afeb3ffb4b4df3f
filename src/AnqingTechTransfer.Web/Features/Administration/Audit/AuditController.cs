using AnqingTechTransfer.Web.Authorization;
using AnqingTechTransfer.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AnqingTechTransfer.Web.Features.Administration.Audit;

/// <summary>The audit log: read-only for the bureau admin and the auditor, with a verification of the SM3 chain.</summary>
[Authorize(Policy = Policies.AuditReader)]
[Route("admin/audit")]
public class AuditController(SearchAuditHandler search, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] AuditFilter filter, CancellationToken ct) => View(await search.HandleAsync(filter, ct));

    [HttpGet("export")]
    public async Task<IActionResult> Export([FromQuery] AuditFilter filter, CancellationToken ct) =>
        await this.ToExcelAsync(await search.ExportAsync(filter, ct), "审计日志", clock);

    [HttpPost("verify")]
    public async Task<IActionResult> Verify([FromServices] AuditVerifyHandler verifier, CancellationToken ct)
    {
        var result = await verifier.HandleAsync(ct);
        TempData[result.Intact ? DomainExceptionFilter.FlashSuccess : DomainExceptionFilter.FlashError] = result.Intact
            ? $"审计日志完整：已校验 {result.RowsChecked} 条记录，SM3 哈希链无断裂。"
            : $"审计日志校验失败：编号 {result.FirstBrokenId} 的记录被修改、删除或插入，其后的哈希链断裂。请立即上报安全管理员。";
        return RedirectToAction(nameof(Index));
    }
}
