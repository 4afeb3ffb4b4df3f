using AnqingTechTransfer.Domain.Files;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Attachments;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Supervision.Notices;

/// <summary>A notice's file to download: its name, its kind (for the content type) and its bytes.</summary>
public sealed record NoticeFile(string FileName, FileKind Kind, byte[] Bytes);

/// <summary>
/// A notice's files. Attachments are filtered to signed-in actors (architecture §3.3); a published notice's files are public
/// on purpose, so they are read past the tenant filter, and only those owned by this notice.
/// </summary>
public class NoticeFilesHandler(PortalDbContext db, IAttachmentStore store) : IUseCase
{
    public const string AttachmentOwnerType = "Notice";

    public Task<List<Attachment>> OfAsync(Guid noticeId, CancellationToken ct) =>
        db.Attachments.IgnoreQueryFilters([PortalDbContext.TenantFilter]).AsNoTracking()
            .Where(a => a.OwnerType == AttachmentOwnerType && a.OwnerId == noticeId).OrderBy(a => a.UploadedAt).ToListAsync(ct);

    /// <summary>A published notice's file, to anyone; null when the notice is withdrawn or the file is not its own.</summary>
    public async Task<NoticeFile?> DownloadAsync(Guid noticeId, Guid fileId, CancellationToken ct)
    {
        if (!await db.Notices.AsNoTracking().AnyAsync(n => n.Id == noticeId && !n.IsWithdrawn, ct))
        {
            return null;
        }

        var file = (await OfAsync(noticeId, ct)).FirstOrDefault(f => f.Id == fileId);
        var bytes = file is null ? null : await store.ReadAsync(file.Id, ct);
        return file is null || bytes is null ? null : new NoticeFile(file.FileName, file.Kind, bytes);
    }
}
