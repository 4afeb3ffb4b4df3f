using AnqingTechTransfer.Domain.Messaging;
using AnqingTechTransfer.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Messages;

/// <summary>
/// Sends messages: each is an in-app message (消息) and its e-mail copy in the outbox, both added to the caller's unit of
/// work, so they are saved with the change they report, or not at all (docs/decisions/0016-jobs-and-mail.md). Whether the
/// e-mail goes out (an address, the kind not switched off) is decided when it is sent (Infrastructure/Mail/MailOutboxSender).
/// </summary>
public class Notifier(PortalDbContext db, TimeProvider clock)
{
    public void ToUser(Guid userId, string title, string body, string? link = null, MessageKind kind = MessageKind.General) =>
        Write(db, userId, title, body, link, kind, clock.GetUtcNow());

    /// <summary>The one way a message is written: the message and its e-mail copy, into the given unit of work.</summary>
    internal static void Write(PortalDbContext db, Guid userId, string title, string body, string? link, MessageKind kind, DateTimeOffset now)
    {
        var message = Notification.To(userId, title, body, link, now, kind);
        db.Notifications.Add(message);
        db.OutboxMails.Add(OutboxMail.For(message));
    }

    /// <summary>To the admins of an organization the caller has already been authorized to act on.</summary>
    public async Task ToOrganizationAdminsAsync(Guid organizationId, string title, string body, string? link, CancellationToken ct, MessageKind kind = MessageKind.General) =>
        ToUsers(await AdminsOfAsync(organizationId, ct), title, body, link, kind);

    /// <summary>The active admins of an organization: looked up before a synchronous step that tells them (<see cref="ToUsers"/>).</summary>
    public async Task<IReadOnlyList<Guid>> AdminsOfAsync(Guid organizationId, CancellationToken ct) =>
        await db.Users.AsNoTracking().Where(u => u.OrganizationId == organizationId && u.IsOrganizationAdmin && !u.IsDisabled).Select(u => u.Id).ToListAsync(ct);

    public void ToUsers(IEnumerable<Guid> userIds, string title, string body, string? link, MessageKind kind = MessageKind.General)
    {
        foreach (var user in userIds.Distinct())
        {
            ToUser(user, title, body, link, kind);
        }
    }
}
