using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Web.Authorization;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace AnqingTechTransfer.Web.Features.Organizations;

/// <summary>
/// 单位注册审核: the bureau (and its admin) reviews every registration; a county or park those of the self-registering
/// kinds in its own region; the bureau's admin suspends and reactivates organizations and accepts a credit code whose
/// check digit fails. Every user reads their own organization whatever its state (a pending applicant sees its own
/// registration and licence); every other right needs an active organization.
/// </summary>
public sealed class OrganizationPermissions(ICurrentActor actor) : Permissions<Organization>(actor)
{
    public static readonly OperationAuthorizationRequirement Read = Operations.Read;
    public static readonly OperationAuthorizationRequirement Review = Operations.Review;
    public static readonly OperationAuthorizationRequirement Suspend = Operations.Suspend;
    public static readonly OperationAuthorizationRequirement OverrideChecksum = Operations.OverrideChecksum;
    public static readonly OperationAuthorizationRequirement ManageUsers = Operations.ManageUsers;

    /// <summary>Reviews registrations (the bureau, its admin, counties and parks: the latter in their own region).</summary>
    public bool Reviews => Actor.ActsAny(PortalRoles.Bureau, PortalRoles.BureauAdmin, PortalRoles.County, PortalRoles.Park);

    /// <summary>Suspends and reactivates organizations and accepts a credit code whose check digit fails (the bureau's admin).</summary>
    public bool Administers => Actor.Acts(PortalRoles.BureauAdmin);

    private bool IsBureau => Actor.ActsAny(PortalRoles.Bureau, PortalRoles.BureauAdmin);

    /// <summary>The county or park of the applicant's region, for the kinds that register themselves.</summary>
    private bool IsLocalReviewer(Organization organization) => Actor.ActsAny(PortalRoles.County, PortalRoles.Park)
        && organization.RegionCode == Actor.RegionCode && OrganizationKinds.SelfRegistering.Contains(organization.Kind);

    public override bool Allows(OperationAuthorizationRequirement operation, Organization organization) => operation.Name switch
    {
        nameof(Operations.Read) => IsBureau || IsLocalReviewer(organization) || organization.Id == Actor.OrganizationId,
        nameof(Operations.Review) => IsBureau || IsLocalReviewer(organization),
        nameof(Operations.Suspend) or nameof(Operations.OverrideChecksum) => Administers,
        nameof(Operations.ManageUsers) => Administers || (Actor.IsOrganizationActive && Actor.IsOrganizationAdmin && organization.Id == Actor.OrganizationId),
        _ => false,
    };
}
