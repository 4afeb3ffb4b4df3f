using System.Security.Claims;
using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Domain.Regions;

namespace AnqingTechTransfer.Web.Tenancy;

/// <summary>
/// Reads the actor from the request's claims each time it is asked, so a DbContext created before
/// authentication ran (the security-stamp check does that) still filters by the right user.
/// </summary>
public sealed class CurrentActor(IHttpContextAccessor accessor) : ICurrentActor
{
    private static readonly AsyncLocal<bool> SystemFlag = new();

    /// <summary>Runs the enclosed work (seeding, background jobs) as the system actor, which sees the whole city.</summary>
    public static IDisposable BeginSystemScope()
    {
        var previous = SystemFlag.Value;
        SystemFlag.Value = true;
        return new Restore(() => SystemFlag.Value = previous);
    }

    private ClaimsPrincipal? Principal => accessor.HttpContext?.User is { Identity.IsAuthenticated: true } user ? user : null;

    public bool IsSystem => SystemFlag.Value;
    public bool IsAuthenticated => Principal is not null;
    public Guid UserId => Guid.TryParse(Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : Guid.Empty;
    public string UserName => Principal?.Identity?.Name ?? (IsSystem ? "system" : string.Empty);
    public string DisplayName => Principal?.FindFirstValue(PortalClaims.DisplayName) ?? UserName;
    public Guid OrganizationId => Guid.TryParse(Principal?.FindFirstValue(PortalClaims.OrganizationId), out var id) ? id : Guid.Empty;

    public OrganizationKind? OrganizationKind =>
        Enum.TryParse<OrganizationKind>(Principal?.FindFirstValue(PortalClaims.OrganizationKind), out var kind) ? kind : null;

    public OrganizationStatus? OrganizationStatus =>
        Enum.TryParse<OrganizationStatus>(Principal?.FindFirstValue(PortalClaims.OrganizationStatus), out var status) ? status : null;

    public string RegionCode => Principal?.FindFirstValue(PortalClaims.RegionCode) ?? string.Empty;
    public bool IsOrganizationAdmin => Principal?.FindFirstValue(PortalClaims.OrganizationAdmin) == "true";

    public IReadOnlySet<string> Roles =>
        Principal?.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet() ?? (IReadOnlySet<string>)new HashSet<string>();

    public bool IsInRole(string role) => Principal?.IsInRole(role) ?? false;

    public List<Guid> RegistrationPointIds =>
        (Principal?.FindFirstValue(PortalClaims.RegistrationPoints) ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(v => Guid.TryParse(v, out var id) ? id : Guid.Empty)
            .Where(id => id != Guid.Empty)
            .ToList();

    public TenantScope Scope => IsSystem ? TenantScope.City : Principal is null ? TenantScope.None : ScopeOf(Roles, RegionCode, OrganizationStatus);

    public static TenantScope ScopeOf(IReadOnlySet<string> roles, string regionCode, OrganizationStatus? status)
    {
        // An organization not yet approved (or suspended) reads nothing beyond its own registration.
        if (status is not Domain.Organizations.OrganizationStatus.Active)
        {
            return TenantScope.Organization;
        }

        var scope = TenantScope.None;
        foreach (var role in roles)
        {
            var s = role switch
            {
                PortalRoles.Bureau or PortalRoles.BureauAdmin => TenantScope.City,
                // The auditor and the security administrator read no business records: the audit log is not tenant data.
                PortalRoles.Auditor or PortalRoles.SecurityAdmin => TenantScope.User,
                PortalRoles.Leader => regionCode == AnqingRegions.City ? TenantScope.City : TenantScope.Region,
                PortalRoles.County or PortalRoles.Park => TenantScope.Region,
                // Experts see their assignments, registrars the contracts of their points: both through their own
                // filters, never through their employer's records (and so their queries stay on the narrow indexes).
                PortalRoles.Expert or PortalRoles.Registrar => TenantScope.User,
                _ => TenantScope.Organization,
            };
            scope = s > scope ? s : scope;
        }

        return scope;
    }

    private sealed class Restore(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}
