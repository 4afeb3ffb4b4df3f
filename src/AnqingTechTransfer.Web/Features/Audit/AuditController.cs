using AnqingTechTransfer.Domain.Audit;
using AnqingTechTransfer.Web.Authorization;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs.Attributes;

namespace AnqingTechTransfer.Web.Features.Audit;

public class AuditFilter
{
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public string? User { get; set; }
    public string? Action { get; set; }
    public string? Outcome { get; set; }
    public int Page { get; set; } = 1;
}

public sealed record AuditRow(long Id, DateTimeOffset OccurredAt, string? UserName, string Action, string Outcome, string? EntityType, string? EntityId,
    string? ClientAddress, string? Details);

/// <summary>The audit log: read-only for the bureau admin and the auditor, with a verification of the SM3 chain.</summary>
[Authorize(Policy = Policies.AuditReader)]
[Route("admin/audit")]
public class AuditController(PortalDbContext db, AuditVerifyHandler verifier, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] AuditFilter filter, CancellationToken ct)
    {
        ViewData["Filter"] = filter;
        return View(await Filtered(filter).ToPagedListAsync(filter.Page, 50, ct));
    }

    [HttpGet("export")]
    public async Task<IActionResult> Export([FromQuery] AuditFilter filter, CancellationToken ct)
    {
        var rows = await Filtered(filter).Take(ExcelExport.MaxRows).ToListAsync(ct);
        db.Audit("导出", AuditOutcome.Success, nameof(AuditEntry), null, $"审计日志 {rows.Count} 行");
        await db.SaveChangesAsync(ct);
        return await this.ToExcelAsync(rows.Select(r => new AuditExportRow
        {
            Id = r.Id,
            OccurredAt = Display.DateTime(r.OccurredAt),
            UserName = r.UserName ?? string.Empty,
            Action = r.Action,
            Outcome = r.Outcome,
            Record = $"{r.EntityType} {r.EntityId}",
            ClientAddress = r.ClientAddress ?? string.Empty,
            Details = r.Details ?? string.Empty,
        }), "审计日志", clock);
    }

    [HttpPost("verify")]
    public async Task<IActionResult> Verify(CancellationToken ct)
    {
        var result = await verifier.VerifyAsync(ct);
        var intact = result.FirstBrokenId is null;
        db.Audit("校验审计日志", intact ? AuditOutcome.Success : AuditOutcome.Failure, nameof(AuditEntry), result.FirstBrokenId?.ToString(),
            intact ? $"{result.RowsChecked} 条记录完整" : $"第 {result.FirstBrokenId} 条记录被篡改或缺失");
        await db.SaveChangesAsync(ct);
        TempData[intact ? DomainExceptionFilter.FlashSuccess : DomainExceptionFilter.FlashError] = intact
            ? $"审计日志完整：已校验 {result.RowsChecked} 条记录，SM3 哈希链无断裂。"
            : $"审计日志校验失败：编号 {result.FirstBrokenId} 的记录被修改、删除或插入，其后的哈希链断裂。请立即上报安全管理员。";
        return RedirectToAction(nameof(Index));
    }

    private IQueryable<AuditRow> Filtered(AuditFilter filter)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (filter.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8));
            query = query.Where(a => a.OccurredAt >= start);
        }

        if (filter.To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8));
            query = query.Where(a => a.OccurredAt < end);
        }

        if (!string.IsNullOrWhiteSpace(filter.User))
        {
            query = query.Where(a => a.UserName == filter.User.Trim());
        }

        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            query = query.Where(a => a.Action == filter.Action);
        }

        if (!string.IsNullOrWhiteSpace(filter.Outcome))
        {
            query = query.Where(a => a.Outcome == filter.Outcome);
        }

        return query.OrderByDescending(a => a.Id)
            .Select(a => new AuditRow(a.Id, a.OccurredAt, a.UserName, a.Action, a.Outcome, a.EntityType, a.EntityId, a.ClientAddress, a.Details));
    }

    public sealed class AuditExportRow
    {
        [ExcelColumnName("编号")] public long Id { get; init; }
        [ExcelColumnName("时间")] public string OccurredAt { get; init; } = string.Empty;
        [ExcelColumnName("用户")] public string UserName { get; init; } = string.Empty;
        [ExcelColumnName("事件")] public string Action { get; init; } = string.Empty;
        [ExcelColumnName("结果")] public string Outcome { get; init; } = string.Empty;
        [ExcelColumnName("对象")] public string Record { get; init; } = string.Empty;
        [ExcelColumnName("客户端地址")] public string ClientAddress { get; init; } = string.Empty;
        [ExcelColumnName("详情")] public string Details { get; init; } = string.Empty;
    }
}
