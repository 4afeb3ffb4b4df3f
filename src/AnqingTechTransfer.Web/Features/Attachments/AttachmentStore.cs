using AnqingTechTransfer.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Attachments;

/// <summary>Where attachment bytes live. PostgreSQL by default; an object store can replace it without touching features.</summary>
public interface IAttachmentStore
{
    Task SaveAsync(Guid attachmentId, byte[] bytes, CancellationToken ct);
    Task<byte[]?> ReadAsync(Guid attachmentId, CancellationToken ct);
}

public class DatabaseAttachmentStore(PortalDbContext db) : IAttachmentStore
{
    /// <summary>Adds the bytes to the current unit of work: they are saved together with the attachment row.</summary>
    public Task SaveAsync(Guid attachmentId, byte[] bytes, CancellationToken ct)
    {
        db.AttachmentContents.Add(new AttachmentContent { Id = attachmentId, Bytes = bytes });
        return Task.CompletedTask;
    }

    public async Task<byte[]?> ReadAsync(Guid attachmentId, CancellationToken ct) =>
        await db.AttachmentContents.AsNoTracking().Where(c => c.Id == attachmentId).Select(c => c.Bytes).SingleOrDefaultAsync(ct);
}

/// <summary>
/// One per kind of record that has attachments: decides whether the current user may see the owning record.
/// Implementations read the owner through the tenant-filtered DbContext, so a foreign record is simply not found.
/// </summary>
public interface IAttachmentOwner
{
    string OwnerType { get; }
    Task<bool> CanSeeAsync(Guid ownerId, CancellationToken ct);

    /// <summary>
    /// The text to stamp on the file for this reader (e.g. a reviewing expert's name), or null to send it as stored. Asked
    /// only after <see cref="CanSeeAsync"/> allowed the reader.
    /// </summary>
    Task<string?> WatermarkAsync(Guid ownerId, CancellationToken ct) => Task.FromResult<string?>(null);
}
