namespace AnqingTechTransfer.Domain.Messaging;

/// <summary>An in-app message (站内消息) to one user, e.g. the outcome of an application.</summary>
public class Notification
{
    private Notification()
    {
    }

    public Guid Id { get; private set; }
    public Guid RecipientUserId { get; private set; }
    public string Title { get; private set; } = string.Empty;
    public string Body { get; private set; } = string.Empty;
    public string? Link { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ReadAt { get; private set; }
    public MessageKind Kind { get; private set; }

    public static Notification To(Guid recipientUserId, string title, string body, string? link, DateTimeOffset now, MessageKind kind = MessageKind.General) => new()
    {
        Id = Guid.CreateVersion7(now),
        RecipientUserId = recipientUserId,
        Title = title.Length > 200 ? title[..200] : title,
        Body = body,
        Link = link is not null && link.StartsWith('/') && !link.StartsWith("//") ? link : null,
        CreatedAt = now,
        Kind = kind,
    };

    public void MarkRead(DateTimeOffset now) => ReadAt ??= now;
}
