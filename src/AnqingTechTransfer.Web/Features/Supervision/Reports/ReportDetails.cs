using AnqingTechTransfer.Domain.Reports;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Supervision.Reports;

public sealed record ReportView(TransferReport Report, TransferReportForm Form, bool CanEdit, bool IsBureau);

/// <summary>A yearly report (tenant filter: not found out of scope), editable by its own unit while a draft or returned.</summary>
public class ReportDetailsHandler(PortalDbContext db, ReportPermissions permissions) : IUseCase
{
    public async Task<ReportView?> HandleAsync(Guid id, CancellationToken ct)
    {
        var report = await db.TransferReports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        return report is null ? null
            : new ReportView(report, TransferReportForm.From(report), permissions.Allows(ReportPermissions.Edit, report) && report.IsEditable, permissions.Reviews);
    }
}
