using AnqingTechTransfer.Domain.Audit;
using AnqingTechTransfer.Domain.Files;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AnqingTechTransfer.Web.Features.Attachments;

/// <summary>A file to send: its bytes, the name to save it under and its content type.</summary>
public sealed record AttachmentDownload(byte[] Bytes, string FileName, string ContentType);

/// <summary>
/// 下载附件: the file, if its owner module lets the reader see the record it belongs to; every download is an audit row.
/// Null for someone else's file, exactly as for a file that does not exist.
/// </summary>
public sealed class DownloadAttachmentHandler(PortalDbContext db, IAttachmentStore store, IEnumerable<IAttachmentOwner> owners,
    IOptions<Contracts.ContractOptions> fonts) : IUseCase
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

        var stamp = await owner.WatermarkAsync(attachment.OwnerId, ct);
        db.Audit("下载附件", AuditOutcome.Success, nameof(Attachment), id.ToString(), attachment.FileName + (stamp is null ? string.Empty : "（加注水印：" + stamp + "）"));
        await db.SaveChangesAsync(ct);
        if (stamp is null)
        {
            return new AttachmentDownload(bytes, attachment.FileName, FileSignature.ContentType(attachment.Kind));
        }

        // A stamped copy is always a PDF; without the Chinese font the file is not sent unstamped.
        if (Contracts.Certificate.CertificateFont.Family(fonts.Value.CertificateFontFile, out _) is not { } family)
        {
            return null;
        }

        return new AttachmentDownload(Watermark.Stamp(bytes, attachment.Kind, stamp, family), Path.ChangeExtension(attachment.FileName, ".pdf"), "application/pdf");
    }
}
