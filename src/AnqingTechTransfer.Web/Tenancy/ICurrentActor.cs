using AnqingTechTransfer.Domain.Organizations;

namespace AnqingTechTransfer.Web.Tenancy;

/// <summary>Who is acting: built from the sign-in claims, or the explicit system actor for background work.</summary>
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
    List<Guid> RegistrationPointIds { get; }
    bool IsInRole(string role);
}
