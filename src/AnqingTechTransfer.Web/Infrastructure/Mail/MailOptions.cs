namespace AnqingTechTransfer.Web.Infrastructure.Mail;

/// <summary>The SMTP server mail is sent through (section <c>Mail</c>); without a host no mail is sent and the outbox waits.</summary>
public class MailOptions
{
    public const string Section = "Mail";

    public string? Host { get; set; }
    public int Port { get; set; } = 25;

    /// <summary>StartTlsWhenAvailable (default), StartTls, SslOnConnect or None (MailKit's SecureSocketOptions).</summary>
    public string Security { get; set; } = "StartTlsWhenAvailable";
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string FromAddress { get; set; } = "noreply@kjcg.anqing.gov.cn";
    public string FromName { get; set; } = "安庆市科技成果转化应用服务平台";

    /// <summary>The portal's public address, for the links in the mail (e.g. https://kjcg.anqing.gov.cn).</summary>
    public string PortalUrl { get; set; } = "https://kjcg.anqing.gov.cn";

    public int PollSeconds { get; set; } = 5;
    public int BatchSize { get; set; } = 20;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
