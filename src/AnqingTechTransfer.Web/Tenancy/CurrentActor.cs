using System.Security.Claims;
using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Identity;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Domain.Regions;

namespace AnqingTechTransfer.Web.Tenancy;

/// <summary>
/// The acting user of this request. The claims are parsed once into an <see cref="ActorSnapshot"/> per principal: a
/// DbContext created before authentication ran (the security-stamp check does that) still sees the signed-in user, because
/// a new principal on the request gives a new snapshot.
/// </summary>
public sealed class CurrentActor(IHttpContextAccessor accessor) : ICurrentActor
{
    private static readonly AsyncLocal<bool> SystemFlag = new();
    private ClaimsPrincipal? _parsedFrom;
    private ActorSnapshot _snapshot = ActorSnapshot.Anonymous;

    /// <summary>Runs the enclosed work (seeding, background jobs) as the system actor, which sees the whole city.</summary>
    public static IDisposable BeginSystemScope()
    {
        var previous = SystemFlag.Value;
        SystemFlag.Value = true;
        return new Restore(() => SystemFlag.Value = previous);
    }

    private ActorSnapshot Current
    {
        get
        {
            var principal = accessor.HttpContext?.User;
            if (!ReferenceEquals(principal, _parsedFrom))
            {
                _snapshot = ActorSnapshot.From(principal);
                _parsedFrom = principal;
            }

            return _snapshot;
        }
    }

    public bool IsSystem => SystemFlag.Value;
    public bool IsAuthenticated => Current.IsAuthenticated;
    public Guid UserId => Current.UserId;
    public string UserName => Current.IsAuthenticated ? Current.UserName : IsSystem ? "system" : string.Empty;
    public string DisplayName => Current.DisplayName ?? UserName;
    public Guid OrganizationId => Current.OrganizationId;
    public OrganizationKind? OrganizationKind => Current.OrganizationKind;
    public OrganizationStatus? OrganizationStatus => Current.OrganizationStatus;
    public string RegionCode => Current.RegionCode;
    public bool IsOrganizationAdmin => Current.IsOrganizationAdmin;
    public IReadOnlySet<string> Roles => Current.Roles;
    public IReadOnlyList<Guid> RegistrationPointIds => Current.RegistrationPointIds;
    public bool IsOrganizationActive => Current.OrganizationStatus == Domain.Organizations.OrganizationStatus.Active;
    public bool IsInRole(string role) => Current.Roles.Contains(role);
    public bool Acts(string role) => IsOrganizationActive && Current.Roles.Contains(role);
    public bool ActsAny(params string[] roles) => IsOrganizationActive && roles.Any(Current.Roles.Contains);
    public bool IsSystemAdmin => Acts(PortalRoles.BureauAdmin) && OrganizationKind == Domain.Organizations.OrganizationKind.MunicipalBureau;

    public GrantingActor AsGranter() => new(IsSystemAdmin, IsOrganizationActive && IsOrganizationAdmin, OrganizationId, OrganizationKind, RegionCode);

    public TenantScope Scope => IsSystem ? TenantScope.City : !Current.IsAuthenticated ? TenantScope.None : Current.Scope;

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

/// <summary>The claims of one principal, parsed once.</summary>
public sealed record ActorSnapshot(
    bool IsAuthenticated,
    Guid UserId,
    string UserName,
    string? DisplayName,
    Guid OrganizationId,
    OrganizationKind? OrganizationKind,
    OrganizationStatus? OrganizationStatus,
    string RegionCode,
    bool IsOrganizationAdmin,
    IReadOnlySet<string> Roles,
    IReadOnlyList<Guid> RegistrationPointIds,
    TenantScope Scope)
{
    public static readonly ActorSnapshot Anonymous = new(false, Guid.Empty, string.Empty, null, Guid.Empty, null, null, string.Empty, false,
        new HashSet<string>(), [], TenantScope.None);

    public static ActorSnapshot From(ClaimsPrincipal? principal)
    {
        if (principal is not { Identity.IsAuthenticated: true })
        {
            return Anonymous;
        }

        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet();
        var region = principal.FindFirstValue(PortalClaims.RegionCode) ?? string.Empty;
        var status = Enum.TryParse<OrganizationStatus>(principal.FindFirstValue(PortalClaims.OrganizationStatus), out var s) ? s : (OrganizationStatus?)null;
        return new ActorSnapshot(
            true,
            Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : Guid.Empty,
            principal.Identity?.Name ?? string.Empty,
            principal.FindFirstValue(PortalClaims.DisplayName),
            Guid.TryParse(principal.FindFirstValue(PortalClaims.OrganizationId), out var org) ? org : Guid.Empty,
            Enum.TryParse<OrganizationKind>(principal.FindFirstValue(PortalClaims.OrganizationKind), out var kind) ? kind : null,
            status,
            region,
            principal.FindFirstValue(PortalClaims.OrganizationAdmin) == "true",
            roles,
            (principal.FindFirstValue(PortalClaims.RegistrationPoints) ?? string.Empty)
                .Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(v => Guid.TryParse(v, out var p) ? p : Guid.Empty)
                .Where(p => p != Guid.Empty)
                .ToList(),
            CurrentActor.ScopeOf(roles, region, status));
    }
}
