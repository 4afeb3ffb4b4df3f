using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Domain.Regions;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;

namespace AnqingTechTransfer.Web.IntegrationTests.Authorization;

/// <summary>
/// Actors for the permissions tables, without HTTP: a <see cref="CurrentActor"/> over a request whose user carries the
/// sign-in claims (<see cref="PortalClaims"/>). Unless told otherwise the actor belongs to <see cref="Own"/>, an active
/// organization of the kind its role implies, in 怀宁县.
/// </summary>
public static class PermissionActors
{
    /// <summary>The actor's own organization.</summary>
    public static readonly Guid Own = Guid.Parse("0199a000-0000-7000-8000-000000000001");

    /// <summary>Somebody else's organization.</summary>
    public static readonly Guid Other = Guid.Parse("0199a000-0000-7000-8000-000000000002");

    public const string Huaining = AnqingRegions.Huaining;
    public const string Qianshan = AnqingRegions.Qianshan;

    public static ICurrentActor Anonymous => TestActors.Anonymous();

    public static ICurrentActor Of(string role, OrganizationStatus status = OrganizationStatus.Active, string region = Huaining, Guid? org = null,
        OrganizationKind? kind = null, bool organizationAdmin = false, params Guid[] points) =>
        Of([role], status, region, org, kind ?? KindOf(role, region), organizationAdmin, points);

    /// <summary>The claims are built by <see cref="TestActors"/>; this overload only supplies this family's defaults.</summary>
    public static ICurrentActor Of(string[] roles, OrganizationStatus status = OrganizationStatus.Active, string region = Huaining, Guid? org = null,
        OrganizationKind? kind = null, bool organizationAdmin = false, params Guid[] points) =>
        TestActors.Of(string.Join(',', roles), status, region, org ?? Own, kind ?? KindOf(roles.FirstOrDefault() ?? PortalRoles.Enterprise, region),
            Guid.CreateVersion7(), points, organizationAdmin);

    /// <summary>The kind of organization a user of the role works for (the demo data's).</summary>
    public static OrganizationKind KindOf(string role, string region = Huaining) => role switch
    {
        PortalRoles.Bureau or PortalRoles.BureauAdmin or PortalRoles.Auditor or PortalRoles.SecurityAdmin => OrganizationKind.MunicipalBureau,
        PortalRoles.Department => OrganizationKind.MunicipalDepartment,
        PortalRoles.County => OrganizationKind.CountyGovernment,
        PortalRoles.Park => OrganizationKind.ParkCommittee,
        PortalRoles.University or PortalRoles.Expert => OrganizationKind.University,
        PortalRoles.Agency => OrganizationKind.TransferAgency,
        PortalRoles.Registrar => OrganizationKind.ServiceAgency,
        PortalRoles.Bank => OrganizationKind.Bank,
        PortalRoles.Leader => region == AnqingRegions.City ? OrganizationKind.MunicipalDepartment : OrganizationKind.CountyGovernment,
        _ => OrganizationKind.Enterprise,
    };

    /// <summary>A status by name, for <c>[InlineData]</c>.</summary>
    public static OrganizationStatus Status(string name) => Enum.Parse<OrganizationStatus>(name);

    /// <summary>The department duties of an actor whose organization has the given credit code, without a database.</summary>
    public static DepartmentDuty Duty(ICurrentActor actor, string? ownCreditCode) => new KnownCreditCode(actor, ownCreditCode);

    private sealed class KnownCreditCode(ICurrentActor actor, string? code) : DepartmentDuty(null!, actor)
    {
        protected override Task<string?> OwnCreditCodeAsync(Guid organizationId, CancellationToken ct) => Task.FromResult(code);
    }
}
