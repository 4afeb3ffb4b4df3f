namespace AnqingTechTransfer.Domain.Files;

/// <summary>
/// An uploaded file's record. The bytes live behind IAttachmentStore (PostgreSQL by default).
/// Owner type and id name the record it belongs to; whoever may see that record may download it.
/// </summary>
public class Attachment
{
    private Attachment()
    {
    }

    public Guid Id { get; private set; }
    public string OwnerType { get; private set; } = string.Empty;
    public Guid OwnerId { get; private set; }
    public Guid OrganizationId { get; private set; }
    public string RegionCode { get; private set; } = string.Empty;
    /// <summary>The name shown to people; sanitized, never used as a path.</summary>
    public string FileName { get; private set; } = string.Empty;
    public FileKind Kind { get; private set; }
    public long Size { get; private set; }
    public string Sha256 { get; private set; } = string.Empty;
    public Guid UploadedByUserId { get; private set; }
    public DateTimeOffset UploadedAt { get; private set; }
    /// <summary>What the file proves for its owner (e.g. a contract's 合同文本 or 权属证明); empty when the owner does not ask.</summary>
    public string Purpose { get; private set; } = string.Empty;

    public static Attachment Create(string ownerType, Guid ownerId, Guid organizationId, string regionCode, string originalName,
        FileKind kind, long size, string sha256, Guid uploadedBy, DateTimeOffset now, string purpose = "") => new()
        {
            Purpose = purpose,
            Id = Guid.CreateVersion7(now),
            OwnerType = ownerType,
            OwnerId = ownerId,
            OrganizationId = organizationId,
            RegionCode = regionCode,
            FileName = SafeName(originalName, kind),
            Kind = kind,
            Size = size,
            Sha256 = sha256,
            UploadedByUserId = uploadedBy,
            UploadedAt = now,
        };

    /// <summary>Keeps the readable part of a name, drops any path, control or reserved characters, fixes the extension.</summary>
    public static string SafeName(string? originalName, FileKind kind)
    {
        var baseName = Path.GetFileNameWithoutExtension((originalName ?? string.Empty).Replace('\\', '/').Split('/').Last());
        var cleaned = new string(baseName.Where(c => !char.IsControl(c) && "<>:\"/\\|?*;%".IndexOf(c) < 0).ToArray()).Trim(' ', '.');
        if (cleaned.Length == 0)
        {
            cleaned = "附件";
        }

        if (cleaned.Length > 80)
        {
            cleaned = cleaned[..80];
        }

        return cleaned + kind.Extension();
    }
}
