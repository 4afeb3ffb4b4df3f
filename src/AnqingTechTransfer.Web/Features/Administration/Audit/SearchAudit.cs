using AnqingTechTransfer.Domain.Audit;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs.Attributes;

namespace AnqingTechTransfer.Web.Features.Administration.Audit;

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

/// <summary>The audit log page: the filter as asked and one page of rows, newest first.</summary>
public sealed record AuditLogPage(AuditFilter Filter, PagedList<AuditRow> Rows);

public sealed class AuditExportRow
{
    [ExcelColumnName("编号")] public long Id { get; init; }
    [ExcelColumnName("时间")] public DateTime OccurredAt { get; init; }
    [ExcelColumnName("用户")] public string UserName { get; init; } = string.Empty;
    [ExcelColumnName("事件")] public string Action { get; init; } = string.Empty;
    [ExcelColumnName("结果")] public string Outcome { get; init; } = string.Empty;
    [ExcelColumnName("对象")] public string Record { get; init; } = string.Empty;
    [ExcelColumnName("客户端地址")] public string ClientAddress { get; init; } = string.Empty;
    [ExcelColumnName("详情")] public string Details { get; init; } = string.Empty;
}

/// <summary>The audit log, read-only, by date (Beijing time), user, event and outcome; and its export, itself an audit row.</summary>
public sealed class SearchAuditHandler(PortalDbContext db) : IUseCase
{
    public async Task<AuditLogPage> HandleAsync(AuditFilter filter, CancellationToken ct) =>
        new(filter, await Filtered(filter).ToPagedListAsync(filter.Page, 50, ct));

    public async Task<IReadOnlyList<AuditExportRow>> ExportAsync(AuditFilter filter, CancellationToken ct)
    {
        var rows = await Filtered(filter).Take(ExcelExport.MaxRows).ToListAsync(ct);
        db.Audit("导出", AuditOutcome.Success, nameof(AuditEntry), null, $"审计日志 {rows.Count} 行");
        await db.SaveChangesAsync(ct);
        return rows.Select(r => new AuditExportRow
        {
            Id = r.Id,
            OccurredAt = ExcelExport.Moment(r.OccurredAt),
            UserName = r.UserName ?? string.Empty,
            Action = r.Action,
            Outcome = r.Outcome,
            Record = $"{r.EntityType} {r.EntityId}",
            ClientAddress = r.ClientAddress ?? string.Empty,
            Details = r.Details ?? string.Empty,
        }).ToList();
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
}
