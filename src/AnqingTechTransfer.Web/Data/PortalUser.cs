using Microsoft.AspNetCore.Identity;

namespace AnqingTechTransfer.Web.Data;

/// <summary>An Identity user; every user belongs to exactly one organization.</summary>
public class PortalUser : IdentityUser<Guid>
{
    public Guid OrganizationId { get; set; }
    public string DisplayName { get; set; } = string.Empty;
    /// <summary>Organization admins add and disable users of their own organization.</summary>
    public bool IsOrganizationAdmin { get; set; }
    public bool IsDisabled { get; set; }
    public DateTimeOffset? PasswordChangedAt { get; set; }
    /// <summary>Set by a password reset: the one-time password must be changed at the next sign-in.</summary>
    public bool MustChangePassword { get; set; }
    /// <summary>The last TOTP time step accepted; a code of that step or earlier is refused (codes are single use).</summary>
    public long LastTotpTimeStep { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>The last successful sign-in; an account unused for Security:InactiveDisableDays is disabled (等保 L3-CES1-07).</summary>
    public DateTimeOffset? LastSignInAt { get; set; }

    /// <summary>
    /// Whether the account has gone unused longer than the limit, counted from its creation if it never signed in (an
    /// account without a recorded creation, made by a script, counts from its first sign-in).
    /// </summary>
    public bool IsDormant(DateTimeOffset now, int days) =>
        days > 0 && (LastSignInAt ?? (CreatedAt == default ? null : CreatedAt)) is { } since && now - since > TimeSpan.FromDays(days);
}

public class PortalRole : IdentityRole<Guid>
{
    public PortalRole()
    {
    }

    public PortalRole(string name) : base(name)
    {
        Id = Guid.CreateVersion7();
    }
}
