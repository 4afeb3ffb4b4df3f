namespace AnqingTechTransfer.Web.Data;

/// <summary>The bytes of an attachment when they are kept in PostgreSQL (the default IAttachmentStore).</summary>
public class AttachmentContent
{
    public Guid Id { get; set; }
    public byte[] Bytes { get; set; } = [];
}
