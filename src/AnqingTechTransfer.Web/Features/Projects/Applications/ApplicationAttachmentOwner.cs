using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Attachments;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Projects.Applications;

/// <summary>An application's documents are seen by whoever sees the application.</summary>
public class ApplicationAttachmentOwner(PortalDbContext db) : IAttachmentOwner
{
    public const string Type = "ProjectApplication";

    public string OwnerType => Type;

    public Task<bool> CanSeeAsync(Guid ownerId, CancellationToken ct) => db.ProjectApplications.AnyAsync(a => a.Id == ownerId, ct);
}
