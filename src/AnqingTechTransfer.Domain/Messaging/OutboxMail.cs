namespace AnqingTechTransfer.Domain.Messaging;

public enum MailStatus
{
    Pending = 0,
    Sent = 1,
    Skipped = 2,
    Failed = 3,
}

/// <summary>
/// The e-mail copy of a message, written in the same unit of work as the message and the change it reports (the outbox):
/// a crash before the commit sends nothing, a crash after it loses nothing. The sender takes a due row, sends it and marks
/// it; a failed attempt is tried again later with a growing delay, up to <see cref="MaxAttempts"/>.
/// </summary>
public class OutboxMail
{
    public const int MaxAttempts = 8;

    private OutboxMail()
    {
    }

    public Guid Id { get; private set; }
    public Guid NotificationId { get; private set; }
    public Guid RecipientUserId { get; private set; }
    public MessageKind Kind { get; private set; }
    public string Subject { get; private set; } = string.Empty;
    public string Body { get; private set; } = string.Empty;
    public string? Link { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public MailStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public DateTimeOffset? DoneAt { get; private set; }
    public string? LastError { get; private set; }

    public static OutboxMail For(Notification message) => new()
    {
        Id = Guid.CreateVersion7(message.CreatedAt),
        NotificationId = message.Id,
        RecipientUserId = message.RecipientUserId,
        Kind = message.Kind,
        Subject = message.Title,
        Body = message.Body,
        Link = message.Link,
        CreatedAt = message.CreatedAt,
        NextAttemptAt = message.CreatedAt,
    };

    public void MarkSent(DateTimeOffset now)
    {
        Status = MailStatus.Sent;
        Attempts++;
        DoneAt = now;
        LastError = null;
    }

    /// <summary>Not sent, on purpose: no address, the kind switched off, the account disabled.</summary>
    public void Skip(DateTimeOffset now, string reason)
    {
        Status = MailStatus.Skipped;
        DoneAt = now;
        LastError = reason.Length > 500 ? reason[..500] : reason;
    }

    /// <summary>A failed attempt: tried again after 1, 2, 4 … minutes (at most an hour), given up after <see cref="MaxAttempts"/>.</summary>
    public void AttemptFailed(DateTimeOffset now, string error)
    {
        Attempts++;
        LastError = error.Length > 500 ? error[..500] : error;
        if (Attempts >= MaxAttempts)
        {
            Status = MailStatus.Failed;
            DoneAt = now;
            return;
        }

        NextAttemptAt = now.AddMinutes(Math.Min(60, Math.Pow(2, Attempts - 1)));
    }
}

/// <summary>A kind of message a user does not want by e-mail (the message itself still arrives in 消息).</summary>
public class MailOptOut
{
    private MailOptOut()
    {
    }

    public Guid UserId { get; private set; }
    public MessageKind Kind { get; private set; }

    public static MailOptOut Of(Guid userId, MessageKind kind) => new() { UserId = userId, Kind = kind };
}
