using AnqingTechTransfer.Domain.Organizations;

namespace AnqingTechTransfer.Web.Features.Administration.Users;

public sealed record UserRow(Guid Id, string UserName, string DisplayName, string OrganizationName, bool IsOrganizationAdmin, bool IsDisabled,
    DateTimeOffset? LockoutEnd, DateTimeOffset? PasswordChangedAt, bool TwoFactorEnabled, Guid OrganizationId, OrganizationKind OrganizationKind,
    string RegionCode)
{
    public IReadOnlyList<string> Roles { get; set; } = [];

    /// <summary>Why the viewer may not manage this account (a duty the bureau manages, or oneself); null when it may.</summary>
    public string? ReadOnlyReason { get; set; }

    /// <summary>The viewer's own account (managed from 账户安全, not here).</summary>
    public bool IsSelf { get; set; }

    public ManagedAccount Account => new(Id, OrganizationId, OrganizationKind, RegionCode, Roles.ToList());
}
