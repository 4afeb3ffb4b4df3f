using AnqingTechTransfer.Domain.Reports;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Supervision.Reports;

public sealed record ReportListView(PagedList<TransferReport> Reports, int? Year, TransferReportStatus? Status, bool CanFile, bool IsBureau, bool SeesSummary, int LastYear);

/// <summary>The yearly reports the user sees (tenant filter), by year and status, latest year first.</summary>
public class ListReportsHandler(PortalDbContext db, ReportPermissions permissions, TimeProvider clock) : IUseCase
{
    public async Task<ReportListView> HandleAsync(int? year, TransferReportStatus? status, int page, CancellationToken ct)
    {
        var query = db.TransferReports.AsNoTracking();
        query = year is { } y ? query.Where(r => r.Year == y) : query;
        query = status is { } s ? query.Where(r => r.Status == s) : query;
        var reports = await query.OrderByDescending(r => r.Year).ThenBy(r => r.Status).ThenBy(r => r.OrganizationName).ThenBy(r => r.Id).ToPagedListAsync(page, ct: ct);
        return new ReportListView(reports, year, status, permissions.Files, permissions.Reviews, permissions.SeesSummary, Display.Today(clock).Year - 1);
    }
}
