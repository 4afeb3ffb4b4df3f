using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Attachments;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Supervision.Measures;

/// <summary>A progress report's files are seen by whoever sees the report (its tenant filter decides).</summary>
public class MeasureReportAttachmentOwner(PortalDbContext db) : IAttachmentOwner
{
    public const string Type = "MeasureReport";

    public string OwnerType => Type;

    public Task<bool> CanSeeAsync(Guid ownerId, CancellationToken ct) => db.MeasureReports.AnyAsync(r => r.Id == ownerId, ct);
}
