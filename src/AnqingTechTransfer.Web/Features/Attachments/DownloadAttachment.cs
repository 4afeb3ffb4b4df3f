using AnqingTechTransfer.Domain.Audit;
using AnqingTechTransfer.Domain.Files;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Attachments;

/// <summary>A file to send: its bytes, the name to save it under and its content type.</summary>
public sealed record AttachmentDownload(byte[] Bytes, string FileName, string ContentType);

/// <summary>
/// 下载附件: the file, if its owner module lets the reader see the record it belongs to; every download is an audit row.
/// Null for someone else's file, exactly as for a file that does not exist.
/// </summary>
public sealed class DownloadAttachmentHandler(PortalDbContext db, IAttachmentStore store, IEnumerable<IAttachmentOwner> owners) : IUseCase
{
    public async Task<AttachmentDownload?> HandleAsync(Guid id, CancellationToken ct)
    {
        var attachment = await db.Attachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
        var owner = attachment is null ? null : owners.FirstOrDefault(o => o.OwnerType == attachment.OwnerType);
        if (attachment is null || owner is null || !await owner.CanSeeAsync(attachment.OwnerId, ct))
        {
            return null;
        }

        var bytes = await store.ReadAsync(id, ct);
        if (bytes is null)
        {
            return null;
        }

        db.Audit("下载附件", AuditOutcome.Success, nameof(Attachment), id.ToString(), attachment.FileName);
        await db.SaveChangesAsync(ct);
        return new AttachmentDownload(bytes, attachment.FileName, FileSignature.ContentType(attachment.Kind));
    }
}
