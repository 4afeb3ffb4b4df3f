using AnqingTechTransfer.Domain.Reports;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Supervision.Reports;

public sealed record SummaryView(int Year, TransferFigures Accepted, int AcceptedCount, int SubmittedCount, IReadOnlyList<TransferReport> Reports);

/// <summary>The city summary of a year (by default the last): the accepted reports added up, the submitted ones listed apart.</summary>
public class ReportSummaryHandler(PortalDbContext db, TimeProvider clock) : IUseCase
{
    public async Task<SummaryView> HandleAsync(int? year, CancellationToken ct)
    {
        var y = year ?? Display.Today(clock).Year - 1;
        var reports = await db.TransferReports.AsNoTracking().Where(r => r.Year == y && r.Status != TransferReportStatus.Draft).OrderBy(r => r.OrganizationName).ToListAsync(ct);
        var accepted = reports.Where(r => r.Status == TransferReportStatus.Accepted).ToList();
        return new SummaryView(y, accepted.Aggregate(TransferFigures.Zero, (sum, r) => sum.Plus(r.Figures)), accepted.Count,
            reports.Count(r => r.Status == TransferReportStatus.Submitted), reports);
    }
}
