using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace AnqingTechTransfer.Web.Authorization.Handlers;

public class UserAuthorizationHandler(ICurrentActor actor) : AuthorizationHandler<OperationAuthorizationRequirement, PortalUser>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, PortalUser user)
    {
        // Nobody disables or resets themselves here (that path is "change my password").
        var allowed = requirement.Name == nameof(Operations.Manage)
            && user.Id != actor.UserId
            && (actor.IsInRole(PortalRoles.BureauAdmin) || (actor.IsOrganizationAdmin && user.OrganizationId == actor.OrganizationId));
        if (allowed)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
