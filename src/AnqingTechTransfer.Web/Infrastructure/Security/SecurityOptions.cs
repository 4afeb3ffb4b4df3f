namespace AnqingTechTransfer.Web.Infrastructure.Security;

/// <summary>The 等保 level-3 knobs, bound from the "Security" configuration section.</summary>
public class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>Days after which a password must be changed (0 disables the rule).</summary>
    public int PasswordMaxAgeDays { get; set; } = 90;
    public int IdleTimeoutMinutes { get; set; } = 30;
    /// <summary>Even an active session must sign in again after this many hours (ASVS V3.3.2).</summary>
    public int AbsoluteSessionHours { get; set; } = 12;
    /// <summary>How often the cookie is checked against the user's security stamp; a replayed cookie lives at most this long.</summary>
    public int SecurityStampCheckSeconds { get; set; } = 60;
    public int LockoutMinutes { get; set; } = 30;
    /// <summary>Accounts not signed in for this many days are disabled (0: never).</summary>
    public int InactiveDisableDays { get; set; } = 90;
    public int MaxFailedSignIns { get; set; } = 5;
    /// <summary>Secure, __Host- cookies and HSTS. Off only when the app itself is served over plain HTTP on loopback.</summary>
    public bool RequireHttps { get; set; } = true;
    public long MaxUploadBytes { get; set; } = 20 * 1024 * 1024;
    /// <summary>Addresses of the reverse proxies whose X-Forwarded-For/-Proto are trusted (empty: none).</summary>
    public string[] KnownProxies { get; set; } = [];
}
