using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace AnqingTechTransfer.Web.Authorization.Handlers;

public class UserAuthorizationHandler(ICurrentActor actor, UserManager<PortalUser> users) : AuthorizationHandler<OperationAuthorizationRequirement, PortalUser>
{
    /// <summary>Accounts that only a bureau admin may disable or reset: handing one over would hand over the audit or the admin.</summary>
    private static readonly string[] Privileged = [PortalRoles.BureauAdmin, PortalRoles.Auditor, PortalRoles.SecurityAdmin];

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, PortalUser user)
    {
        if (requirement.Name != nameof(Operations.Manage) || user.Id == actor.UserId)
        {
            return; // nobody disables or resets themselves here (that path is "change my password")
        }

        if (actor.IsInRole(PortalRoles.BureauAdmin))
        {
            context.Succeed(requirement);
            return;
        }

        if (actor.IsOrganizationAdmin && user.OrganizationId == actor.OrganizationId
            && !(await users.GetRolesAsync(user)).Any(r => Privileged.Contains(r)))
        {
            context.Succeed(requirement);
        }
    }
}
