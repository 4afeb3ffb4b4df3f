using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Web.Data;

namespace AnqingTechTransfer.Web.Tenancy;

/// <summary>
/// Identity's user table carries no query filter (sign-in must find users before there is an actor), so every
/// listing of users goes through this scope: the bureau's system admin sees all, an organization admin their own organization.
/// </summary>
public static class UserScope
{
    public static IQueryable<PortalUser> VisibleTo(this IQueryable<PortalUser> users, ICurrentActor actor)
    {
        if (actor.IsSystemAdmin)
        {
            return users;
        }

        if (actor.IsOrganizationAdmin && actor.OrganizationId != Guid.Empty)
        {
            var organizationId = actor.OrganizationId;
            return users.Where(u => u.OrganizationId == organizationId);
        }

        return users.Where(u => false);
    }
}
