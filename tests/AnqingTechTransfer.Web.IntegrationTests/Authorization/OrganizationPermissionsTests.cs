using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Web.Features.Organizations;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using static AnqingTechTransfer.Web.IntegrationTests.Authorization.PermissionActors;

namespace AnqingTechTransfer.Web.IntegrationTests.Authorization;

/// <summary>单位注册审核: actor × operation × organization (kind, region, whose) → allowed.</summary>
public class OrganizationPermissionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 9, 0, 0, TimeSpan.FromHours(8));

    private static OperationAuthorizationRequirement Op(string name) => name switch
    {
        "Read" => OrganizationPermissions.Read,
        "Review" => OrganizationPermissions.Review,
        "Suspend" => OrganizationPermissions.Suspend,
        "OverrideChecksum" => OrganizationPermissions.OverrideChecksum,
        "ManageUsers" => OrganizationPermissions.ManageUsers,
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    // The bureau and its admin read and review every registration.
    [InlineData(PortalRoles.Bureau, "Active", false, "Read", OrganizationKind.Enterprise, Qianshan, "other", true)]
    [InlineData(PortalRoles.Bureau, "Active", false, "Review", OrganizationKind.Bank, Qianshan, "other", true)]
    [InlineData(PortalRoles.Bureau, "Active", false, "Review", OrganizationKind.CountyGovernment, Qianshan, "other", true)]
    [InlineData(PortalRoles.Bureau, "Suspended", false, "Review", OrganizationKind.Enterprise, Qianshan, "other", false)]
    [InlineData(PortalRoles.Bureau, "Suspended", false, "Read", OrganizationKind.Enterprise, Qianshan, "other", false)]
    [InlineData(PortalRoles.BureauAdmin, "Active", true, "Review", OrganizationKind.Enterprise, Qianshan, "other", true)]
    // A county or park: the self-registering kinds of its own region.
    [InlineData(PortalRoles.County, "Active", false, "Review", OrganizationKind.Enterprise, Huaining, "other", true)]
    [InlineData(PortalRoles.County, "Active", false, "Read", OrganizationKind.University, Huaining, "other", true)]
    [InlineData(PortalRoles.County, "Active", false, "Review", OrganizationKind.Enterprise, Qianshan, "other", false)]
    [InlineData(PortalRoles.County, "Active", false, "Read", OrganizationKind.Enterprise, Qianshan, "other", false)]
    [InlineData(PortalRoles.County, "Active", false, "Review", OrganizationKind.ParkCommittee, Huaining, "other", false)]
    [InlineData(PortalRoles.County, "Suspended", false, "Review", OrganizationKind.Enterprise, Huaining, "other", false)]
    [InlineData(PortalRoles.Park, "Pending", false, "Read", OrganizationKind.Enterprise, Huaining, "other", false)]
    [InlineData(PortalRoles.County, "Active", false, "Suspend", OrganizationKind.Enterprise, Huaining, "other", false)]
    // Everyone reads its own organization, whatever its state — and only reads it.
    [InlineData(PortalRoles.Enterprise, "Pending", true, "Read", OrganizationKind.Enterprise, Huaining, "own", true)]
    [InlineData(PortalRoles.Enterprise, "Suspended", false, "Read", OrganizationKind.Enterprise, Huaining, "own", true)]
    [InlineData(PortalRoles.Enterprise, "Active", true, "Read", OrganizationKind.Enterprise, Huaining, "other", false)]
    [InlineData(PortalRoles.Enterprise, "Active", true, "Review", OrganizationKind.Enterprise, Huaining, "own", false)]
    // The bureau's admin suspends and overrides a failing check digit; the bureau's staff do not.
    [InlineData(PortalRoles.BureauAdmin, "Active", true, "Suspend", OrganizationKind.Enterprise, Huaining, "other", true)]
    [InlineData(PortalRoles.BureauAdmin, "Active", true, "OverrideChecksum", OrganizationKind.Enterprise, Huaining, "other", true)]
    [InlineData(PortalRoles.BureauAdmin, "Suspended", true, "Suspend", OrganizationKind.Enterprise, Huaining, "other", false)]
    [InlineData(PortalRoles.Bureau, "Active", false, "Suspend", OrganizationKind.Enterprise, Huaining, "other", false)]
    [InlineData(PortalRoles.Bureau, "Active", false, "OverrideChecksum", OrganizationKind.Enterprise, Huaining, "other", false)]
    // Users: the bureau's admin anywhere, an organization admin its own active organization.
    [InlineData(PortalRoles.BureauAdmin, "Active", true, "ManageUsers", OrganizationKind.Enterprise, Huaining, "other", true)]
    [InlineData(PortalRoles.Enterprise, "Active", true, "ManageUsers", OrganizationKind.Enterprise, Huaining, "own", true)]
    [InlineData(PortalRoles.Enterprise, "Active", false, "ManageUsers", OrganizationKind.Enterprise, Huaining, "own", false)]
    [InlineData(PortalRoles.Enterprise, "Active", true, "ManageUsers", OrganizationKind.Enterprise, Huaining, "other", false)]
    [InlineData(PortalRoles.Enterprise, "Pending", true, "ManageUsers", OrganizationKind.Enterprise, Huaining, "own", false)]
    public void Organizations(string role, string status, bool organizationAdmin, string operation, OrganizationKind kind, string region, string whose, bool allowed)
    {
        var organization = Organization.Create(kind, "某单位", CreditCode.Complete("91340822MA2N00501"), region, Now);
        var actor = Of(role, Status(status), org: whose == "own" ? organization.Id : Other, organizationAdmin: organizationAdmin);
        new OrganizationPermissions(actor).Allows(Op(operation), organization).Should().Be(allowed);
    }

    [Theory]
    // role, status → reviews registrations, administers organizations
    [InlineData(PortalRoles.Bureau, "Active", true, false)]
    [InlineData(PortalRoles.BureauAdmin, "Active", true, true)]
    [InlineData(PortalRoles.BureauAdmin, "Suspended", false, false)]
    [InlineData(PortalRoles.County, "Active", true, false)]
    [InlineData(PortalRoles.Park, "Pending", false, false)]
    [InlineData(PortalRoles.Enterprise, "Active", false, false)]
    [InlineData(PortalRoles.Department, "Active", false, false)]
    public void Page_rights(string role, string status, bool reviews, bool administers)
    {
        var permissions = new OrganizationPermissions(Of(role, Status(status)));
        permissions.Reviews.Should().Be(reviews);
        permissions.Administers.Should().Be(administers);
    }
}
