using System.Security.Claims;
using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Domain.Regions;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.AspNetCore.Http;

namespace AnqingTechTransfer.Web.IntegrationTests.Authorization;

/// <summary>
/// Actors for the permissions tables, without HTTP: a <see cref="CurrentActor"/> over a <see cref="DefaultHttpContext"/>
/// whose user carries the sign-in claims of <see cref="PortalClaims"/>. By default the actor's organization is
/// <see cref="OwnOrganization"/> in 怀宁县 and active; records of <see cref="OtherOrganization"/> are someone else's.
/// </summary>
public static class TestActors
{
    public static readonly Guid OwnOrganization = Guid.Parse("00000000-0000-0000-0000-0000000000a1");
    public static readonly Guid OtherOrganization = Guid.Parse("00000000-0000-0000-0000-0000000000b2");
    public static readonly Guid User = Guid.Parse("00000000-0000-0000-0000-0000000000c3");
    public static readonly Guid OtherUser = Guid.Parse("00000000-0000-0000-0000-0000000000d4");

    /// <summary>A signed-in user holding <paramref name="role"/> (several roles: comma-separated, e.g. "Bureau,BureauAdmin").</summary>
    public static ICurrentActor Of(string role, OrganizationStatus status = OrganizationStatus.Active, string region = AnqingRegions.Huaining, Guid? org = null,
        OrganizationKind? kind = null, Guid? user = null, IReadOnlyCollection<Guid>? points = null, bool organizationAdmin = false)
    {
        var roles = role.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, (user ?? User).ToString()),
            new(ClaimTypes.Name, "test." + string.Join('.', roles).ToLowerInvariant()),
            new(PortalClaims.OrganizationId, (org ?? OwnOrganization).ToString()),
            new(PortalClaims.OrganizationKind, (kind ?? KindOf(roles.FirstOrDefault() ?? string.Empty)).ToString()),
            new(PortalClaims.OrganizationStatus, status.ToString()),
            new(PortalClaims.RegionCode, region),
            new(PortalClaims.RegistrationPoints, string.Join(',', points ?? [])),
            new(PortalClaims.OrganizationAdmin, organizationAdmin ? "true" : "false"),
        };
        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        return Over(new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType: "test")));
    }

    /// <summary>Nobody signed in.</summary>
    public static ICurrentActor Anonymous() => Over(new ClaimsPrincipal(new ClaimsIdentity()));

    private static CurrentActor Over(ClaimsPrincipal principal) =>
        new(new HttpContextAccessor { HttpContext = new DefaultHttpContext { User = principal } });

    /// <summary>The organization kind a role usually belongs to (a city leader and a department user sit in the city).</summary>
    public static OrganizationKind KindOf(string role) => role switch
    {
        PortalRoles.Bureau or PortalRoles.BureauAdmin or PortalRoles.Auditor or PortalRoles.SecurityAdmin => OrganizationKind.MunicipalBureau,
        PortalRoles.Department or PortalRoles.Leader => OrganizationKind.MunicipalDepartment,
        PortalRoles.County => OrganizationKind.CountyGovernment,
        PortalRoles.Park => OrganizationKind.ParkCommittee,
        PortalRoles.University or PortalRoles.Expert => OrganizationKind.University,
        PortalRoles.Agency or PortalRoles.Registrar => OrganizationKind.TransferAgency,
        PortalRoles.Bank => OrganizationKind.Bank,
        _ => OrganizationKind.Enterprise,
    };
}
