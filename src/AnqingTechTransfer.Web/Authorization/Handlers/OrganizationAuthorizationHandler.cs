using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace AnqingTechTransfer.Web.Authorization.Handlers;

public class OrganizationAuthorizationHandler(ICurrentActor actor) : AuthorizationHandler<OperationAuthorizationRequirement, Organization>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, Organization org)
    {
        var bureau = actor.IsInRole(PortalRoles.Bureau) || actor.IsInRole(PortalRoles.BureauAdmin);
        var localReviewer = (actor.IsInRole(PortalRoles.County) || actor.IsInRole(PortalRoles.Park))
            && actor.OrganizationStatus == OrganizationStatus.Active
            && org.RegionCode == actor.RegionCode
            && OrganizationKinds.SelfRegistering.Contains(org.Kind);
        var allowed = requirement.Name switch
        {
            nameof(Operations.Read) => bureau || localReviewer || org.Id == actor.OrganizationId,
            // The county or park of the applicant's region, or the bureau, decides a registration.
            nameof(Operations.Review) => bureau || localReviewer,
            nameof(Operations.Suspend) or nameof(Operations.OverrideChecksum) => actor.IsInRole(PortalRoles.BureauAdmin),
            nameof(Operations.ManageUsers) => actor.IsInRole(PortalRoles.BureauAdmin) || (actor.IsOrganizationAdmin && org.Id == actor.OrganizationId),
            _ => false,
        };
        if (allowed)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
