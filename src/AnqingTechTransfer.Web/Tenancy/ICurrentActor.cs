using AnqingTechTransfer.Domain.Identity;
using AnqingTechTransfer.Domain.Organizations;

namespace AnqingTechTransfer.Web.Tenancy;

/// <summary>
/// Who is acting: built once per request from the sign-in claims (or the explicit system actor for background work).
/// The permissions classes (<c>Features/&lt;Module&gt;/&lt;Module&gt;Permissions.cs</c>) are the only readers of its roles.
/// </summary>
public interface ICurrentActor
{
    bool IsAuthenticated { get; }
    bool IsSystem { get; }
    Guid UserId { get; }
    string UserName { get; }
    string DisplayName { get; }
    Guid OrganizationId { get; }
    OrganizationKind? OrganizationKind { get; }
    OrganizationStatus? OrganizationStatus { get; }
    string RegionCode { get; }
    bool IsOrganizationAdmin { get; }
    IReadOnlySet<string> Roles { get; }
    TenantScope Scope { get; }
    /// <summary>The registration points a registrar is assigned to (empty for everyone else).</summary>
    IReadOnlyList<Guid> RegistrationPointIds { get; }

    /// <summary>The one shared condition of every right: the actor's organization is approved and not suspended.</summary>
    bool IsOrganizationActive { get; }

    /// <summary>Holds the role, whatever the organization's state (for reading one's own pages and the navigation).</summary>
    bool IsInRole(string role);

    /// <summary>Acts in the role: holds it and the organization is active. Permissions are built on this, not on IsInRole.</summary>
    bool Acts(string role);

    /// <summary>Acts in any of the roles.</summary>
    bool ActsAny(params string[] roles);

    /// <summary>The bureau's system administrator (系统管理员 of an active 市科技局).</summary>
    bool IsSystemAdmin { get; }

    /// <summary>The actor as a granter of roles, for <see cref="RoleGrants"/>.</summary>
    GrantingActor AsGranter();
}
