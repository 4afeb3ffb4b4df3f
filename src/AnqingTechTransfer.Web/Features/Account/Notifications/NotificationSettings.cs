using System.ComponentModel.DataAnnotations;
using AnqingTechTransfer.Domain.Messaging;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Account.Notifications;

/// <summary>消息与邮件设置: the user's e-mail address and, per kind of message, whether it also comes by e-mail.</summary>
public sealed class NotificationSettingsForm
{
    [Display(Name = "邮箱地址")]
    [EmailAddress(ErrorMessage = "邮箱地址格式不正确，例如 zhang.san@example.cn")]
    [StringLength(254, ErrorMessage = "邮箱地址不能超过254个字符")]
    public string? Email { get; set; }

    /// <summary>The kinds that come by e-mail (checked boxes); the rest are switched off.</summary>
    public List<MessageKind> MailKinds { get; set; } = [];
}

public sealed record NotificationKindRow(MessageKind Kind, string Name, string Example);

public sealed record NotificationSettingsPage(NotificationSettingsForm Form, IReadOnlyList<NotificationKindRow> Kinds, int MailsSentLast30Days);

public sealed class NotificationSettingsHandler(PortalDbContext db, ICurrentActor actor, TimeProvider clock) : IUseCase
{
    public static IReadOnlyList<NotificationKindRow> Kinds { get; } =
        MessageKinds.All.Select(k => new NotificationKindRow(k, k.Name(), k.Example())).ToList();

    public async Task<NotificationSettingsPage?> PageAsync(CancellationToken ct)
    {
        var email = await db.Users.AsNoTracking().Where(u => u.Id == actor.UserId).Select(u => new { u.Email }).SingleOrDefaultAsync(ct);
        if (email is null)
        {
            return null;
        }

        var off = await db.MailOptOuts.AsNoTracking().Where(o => o.UserId == actor.UserId).Select(o => o.Kind).ToListAsync(ct);
        var form = new NotificationSettingsForm { Email = email.Email, MailKinds = MessageKinds.All.Except(off).ToList() };
        return await WithAsync(form, ct);
    }

    public async Task<NotificationSettingsPage> WithAsync(NotificationSettingsForm form, CancellationToken ct)
    {
        var since = clock.GetUtcNow().AddDays(-30);
        var sent = await db.Notifications.AsNoTracking().CountAsync(n => n.RecipientUserId == actor.UserId && n.CreatedAt >= since, ct);
        return new NotificationSettingsPage(form, Kinds, sent);
    }

    /// <summary>Saves the address and the choices in one unit of work. False when the session has no user any more.</summary>
    public async Task<bool> SaveAsync(NotificationSettingsForm form, CancellationToken ct)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == actor.UserId, ct);
        if (user is null)
        {
            return false;
        }

        var email = string.IsNullOrWhiteSpace(form.Email) ? null : form.Email.Trim();
        if (!string.Equals(user.Email, email, StringComparison.Ordinal))
        {
            // The address only receives copies of messages; it signs nobody in, so changing it leaves the sessions alone.
            user.Email = email;
            user.NormalizedEmail = email?.ToUpperInvariant();
            user.EmailConfirmed = false;
        }

        var wanted = form.MailKinds.Where(Enum.IsDefined).ToHashSet();
        var existing = await db.MailOptOuts.Where(o => o.UserId == user.Id).ToListAsync(ct);
        db.MailOptOuts.RemoveRange(existing.Where(o => wanted.Contains(o.Kind)));
        foreach (var kind in MessageKinds.All.Where(k => !wanted.Contains(k) && existing.All(o => o.Kind != k)))
        {
            db.MailOptOuts.Add(MailOptOut.Of(user.Id, kind));
        }

        await db.SaveChangesAsync(ct);
        return true;
    }
}
