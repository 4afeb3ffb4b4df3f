using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Supervision.Reports;

/// <summary>
/// The unit saves its report, or saves and submits it to the bureau. An invalid form or a broken rule comes back on the
/// report's page, next to its field, with the figures as typed.
/// </summary>
public class EditReportHandler(PortalDbContext db, ReportPermissions permissions, TimeProvider clock) : IUseCase
{
    public async Task<RecordResult<ReportView>> HandleAsync(Guid id, uint version, TransferReportForm form, bool submit, bool formValid, CancellationToken ct)
    {
        var report = await db.TransferReports.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (report is null)
        {
            return RecordResult<ReportView>.NotFound;
        }

        if (!permissions.Allows(ReportPermissions.Edit, report))
        {
            return RecordResult<ReportView>.Forbidden;
        }

        var again = new ReportView(report, form, true, false);
        if (!formValid)
        {
            return RecordResult<ReportView>.Invalid([], again);
        }

        db.Entry(report).Property(r => r.Version).OriginalValue = version;
        var edit = FieldErrors.Try(() =>
        {
            report.Edit(form.Figures(), form.Narrative ?? string.Empty);
            if (submit)
            {
                report.Submit(clock.GetUtcNow());
            }

            return report.Id;
        });
        if (!edit.Succeeded)
        {
            return RecordResult<ReportView>.Invalid(edit.Errors, again);
        }

        await db.SaveChangesAsync(ct);
        return RecordResult<ReportView>.Done(again);
    }
}
