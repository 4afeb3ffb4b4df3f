using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Attachments;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Supervision.Notices;

/// <summary>Signed-in users reach a notice's files through /attachments too, while the notice is published.</summary>
public class NoticeAttachmentOwner(PortalDbContext db) : IAttachmentOwner
{
    public string OwnerType => NoticeFilesHandler.AttachmentOwnerType;

    public Task<bool> CanSeeAsync(Guid ownerId, CancellationToken ct) => db.Notices.AnyAsync(n => n.Id == ownerId && !n.IsWithdrawn, ct);
}
