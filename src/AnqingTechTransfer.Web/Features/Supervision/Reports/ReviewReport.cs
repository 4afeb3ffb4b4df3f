using AnqingTechTransfer.Domain.Reports;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Supervision.Reports;

/// <summary>
/// The bureau accepts a submitted report (it counts in the city summary) or returns it with a note. A broken rule stays the
/// filter's flash message (no form to show again).
/// </summary>
public class ReviewReportHandler(PortalDbContext db, ReportPermissions permissions) : IUseCase
{
    public async Task<RecordResult<TransferReport>> HandleAsync(Guid id, uint version, string? note, bool accept, CancellationToken ct) =>
        await db.StepAsync(await db.TransferReports.SingleOrDefaultAsync(r => r.Id == id, ct), _ => permissions.Reviews, version, r =>
        {
            if (accept)
            {
                r.Accept(note);
            }
            else
            {
                r.Return(note ?? string.Empty);
            }
        }, ct);
}
