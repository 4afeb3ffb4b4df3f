using AnqingTechTransfer.Domain.Identity;
using AnqingTechTransfer.Domain.Organizations;

namespace AnqingTechTransfer.Web.Tenancy;

/// <summary>
/// Nobody: the actor of a pooled <see cref="Data.PortalDbContext"/> between two leases. Its scope is
/// <see cref="TenantScope.None"/>, so every tenant filter is closed; it holds no role, organization or registration point.
/// </summary>
public sealed class NoActor : ICurrentActor
{
    public static readonly NoActor Instance = new();

    private NoActor()
    {
    }

    public bool IsAuthenticated => false;
    public bool IsSystem => false;
    public Guid UserId => Guid.Empty;
    public string UserName => string.Empty;
    public string DisplayName => string.Empty;
    public Guid OrganizationId => Guid.Empty;
    public OrganizationKind? OrganizationKind => null;
    public OrganizationStatus? OrganizationStatus => null;
    public string RegionCode => string.Empty;
    public bool IsOrganizationAdmin => false;
    public IReadOnlySet<string> Roles { get; } = new HashSet<string>();
    public TenantScope Scope => TenantScope.None;
    public IReadOnlyList<Guid> RegistrationPointIds { get; } = [];
    public bool IsOrganizationActive => false;
    public bool IsInRole(string role) => false;
    public bool Acts(string role) => false;
    public bool ActsAny(params string[] roles) => false;
    public bool IsSystemAdmin => false;
    public GrantingActor AsGranter() => new(false, false, Guid.Empty, null, string.Empty);
}
