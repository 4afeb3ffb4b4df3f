using System.Security.Cryptography;
using AnqingTechTransfer.Domain.Files;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Infrastructure.Security;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.Extensions.Options;

namespace AnqingTechTransfer.Web.Features.Attachments;

public sealed record UploadCheck(byte[]? Bytes, FileKind Kind, string? Error);

/// <summary>Checks an upload by its bytes and size, then stores it for an owning record.</summary>
public class AttachmentUploader(PortalDbContext db, IAttachmentStore store, IOptions<SecurityOptions> options, TimeProvider clock, ICurrentActor actor)
{
    public long MaxBytes => options.Value.MaxUploadBytes;

    public async Task<UploadCheck> CheckAsync(IFormFile file, IReadOnlyCollection<FileKind> allowed, CancellationToken ct)
    {
        if (file.Length == 0)
        {
            return new UploadCheck(null, FileKind.Unknown, "文件为空，请重新选择");
        }

        if (file.Length > MaxBytes)
        {
            return new UploadCheck(null, FileKind.Unknown, $"文件不能超过 {MaxBytes / 1024 / 1024} MB");
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        var kind = FileSignature.Detect(bytes);
        return allowed.Contains(kind)
            ? new UploadCheck(bytes, kind, null)
            : new UploadCheck(null, kind, $"文件类型不符合要求：仅接受 {FileSignature.Names(allowed)} 文件（按文件内容判断，而非扩展名）");
    }

    /// <summary>Adds the attachment and its bytes to the unit of work; the caller saves.</summary>
    public async Task<Attachment> AddAsync(string ownerType, Guid ownerId, Guid organizationId, string regionCode, string originalName,
        UploadCheck check, CancellationToken ct, string purpose = "")
    {
        var bytes = check.Bytes ?? throw new InvalidOperationException("upload was not checked");
        var attachment = Attachment.Create(ownerType, ownerId, organizationId, regionCode, originalName, check.Kind, bytes.LongLength,
            Convert.ToHexStringLower(SHA256.HashData(bytes)), actor.UserId, clock.GetUtcNow(), purpose);
        db.Attachments.Add(attachment);
        await store.SaveAsync(attachment.Id, bytes, ct);
        return attachment;
    }
}
