using AnqingTechTransfer.Domain.Messaging;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Tenancy;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace AnqingTechTransfer.Web.Infrastructure.Mail;

/// <summary>
/// Sends the outbox's due mail (docs/decisions/0016-jobs-and-mail.md). A batch is claimed with FOR UPDATE SKIP LOCKED inside
/// a transaction, so two instances never take the same row; each row is marked sent, skipped or failed-for-now in that
/// transaction. The Message-Id is the row's, so a copy resent after an unknown outcome is recognisably the same mail.
/// </summary>
public class MailOutboxSender(IServiceScopeFactory scopes, IOptions<MailOptions> options, TimeProvider clock, ILogger<MailOutboxSender> logger)
{
    /// <summary>Sends one batch of due mail; returns how many were handed to the SMTP server.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var settings = options.Value;
        if (!settings.IsConfigured)
        {
            return 0;
        }

        using var system = CurrentActor.BeginSystemScope();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var now = clock.GetUtcNow();
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var due = await db.OutboxMails
                .FromSql($"SELECT * FROM mail_outbox WHERE status = 0 AND next_attempt_at <= {now} ORDER BY next_attempt_at LIMIT {settings.BatchSize} FOR UPDATE SKIP LOCKED")
                .ToListAsync(ct);
            if (due.Count == 0)
            {
                return 0;
            }

            var recipients = due.Select(m => m.RecipientUserId).Distinct().ToList();
            var users = await db.Users.AsNoTracking().Where(u => recipients.Contains(u.Id))
                .Select(u => new { u.Id, u.Email, u.DisplayName, u.IsDisabled }).ToDictionaryAsync(u => u.Id, ct);
            var optOuts = (await db.MailOptOuts.AsNoTracking().Where(o => recipients.Contains(o.UserId)).Select(o => new { o.UserId, o.Kind }).ToListAsync(ct))
                .Select(o => (o.UserId, o.Kind)).ToHashSet();

            var sendable = new List<(OutboxMail Mail, MailboxAddress To)>();
            foreach (var mail in due)
            {
                var user = users.GetValueOrDefault(mail.RecipientUserId);
                if (user is null || user.IsDisabled)
                {
                    mail.Skip(now, "账户不存在或已停用");
                }
                else if (string.IsNullOrWhiteSpace(user.Email) || !MailboxAddress.TryParse(user.Email, out var to))
                {
                    mail.Skip(now, "未填写邮箱地址");
                }
                else if (optOuts.Contains((mail.RecipientUserId, mail.Kind)))
                {
                    mail.Skip(now, "用户已关闭此类邮件");
                }
                else
                {
                    to.Name = user.DisplayName;
                    sendable.Add((mail, to));
                }
            }

            var sent = sendable.Count == 0 ? 0 : await SendAsync(sendable, settings, now, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return sent;
        });
    }

    private async Task<int> SendAsync(List<(OutboxMail Mail, MailboxAddress To)> batch, MailOptions settings, DateTimeOffset now, CancellationToken ct)
    {
        using var smtp = new SmtpClient { Timeout = 15_000 };
        try
        {
            await smtp.ConnectAsync(settings.Host!, settings.Port, Enum.Parse<SecureSocketOptions>(settings.Security), ct);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await smtp.AuthenticateAsync(settings.UserName, settings.Password ?? string.Empty, ct);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("Mail server {Host}:{Port} not reachable; {Count} mail wait for the next attempt: {Error}", settings.Host, settings.Port, batch.Count, e.Message);
            foreach (var (mail, _) in batch)
            {
                mail.AttemptFailed(now, "邮件服务器不可达：" + e.Message);
            }

            return 0;
        }

        var sent = 0;
        var tried = 0;
        foreach (var (mail, to) in batch)
        {
            tried++;
            try
            {
                await smtp.SendAsync(Compose(mail, to, settings), ct);
                mail.MarkSent(now);
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("Mail {MailId} not sent (attempt {Attempt}): {Error}", mail.Id, mail.Attempts + 1, e.Message);
                mail.AttemptFailed(now, e.Message);
                if (!smtp.IsConnected)
                {
                    break;
                }
            }
        }

        foreach (var (mail, _) in batch.Skip(tried))
        {
            mail.AttemptFailed(now, "连接中断，稍后重试");
        }

        if (smtp.IsConnected)
        {
            await smtp.DisconnectAsync(true, CancellationToken.None);
        }
        return sent;
    }

    public static MimeMessage Compose(OutboxMail mail, MailboxAddress to, MailOptions settings)
    {
        var message = new MimeMessage { Subject = mail.Subject, MessageId = $"{mail.Id:N}@kjcg.anqing" };
        message.From.Add(new MailboxAddress(settings.FromName, settings.FromAddress));
        message.To.Add(to);
        message.Headers.Add("X-Portal-Message", mail.NotificationId.ToString());
        var portal = settings.PortalUrl.TrimEnd('/');
        var text = $"{to.Name}，您好：\n\n{mail.Body}\n\n";
        if (mail.Link is not null)
        {
            text += $"查看详情：{portal}{mail.Link}\n\n";
        }

        text += $"——{settings.FromName}（{mail.Kind.Name()}）\n此邮件由系统发送，请勿回复。不想再收到此类邮件，可在 {portal}/account/notifications 设置。\n";
        message.Body = new TextPart("plain") { Text = text };
        return message;
    }
}

/// <summary>Sends the outbox every few seconds on an instance that runs jobs (Jobs:RunServer) and has a mail server set.</summary>
public class MailOutboxDispatcher(MailOutboxSender sender, IOptions<MailOptions> options, ILogger<MailOutboxDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.IsConfigured)
        {
            logger.LogInformation("Mail:Host is not set: messages stay in the portal and their e-mail waits in the outbox");
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.PollSeconds)));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                while (await sender.SendDueAsync(stoppingToken) >= options.Value.BatchSize)
                {
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Sending the outbox failed; tried again shortly");
            }
        }
    }
}
