using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Web.Authorization;
using AnqingTechTransfer.Web.Tenancy;

namespace AnqingTechTransfer.Web.Features.Shared;

/// <summary>
/// The navigation bar and the workspace: which modules (<see cref="PortalModules"/>) a user is shown and where a user lands.
/// An organization not yet approved (or suspended) is kept on its workspace, so it is shown no module links at all.
/// Showing a link grants nothing: every action asks its own module's permissions.
/// </summary>
public sealed class NavigationPermissions(ICurrentActor actor) : IModulePermissions
{
    /// <summary>The user is shown module links at all (its organization is active).</summary>
    public bool ShowsModules => actor.IsOrganizationActive;

    /// <summary>Leaders (with no other role) only look at dashboards: they land on their cockpit rather than the workspace.</summary>
    public bool LandsOnCockpit => actor.Acts(PortalRoles.Leader) && actor.Roles.Count == 1;

    /// <summary>The user acts in one of the module's roles, or is an organization admin of a module for them; a module without roles is everyone's.</summary>
    public bool Sees(PortalModule module) => ShowsModules
        && (module.Audience.Count == 0 || actor.ActsAny([.. module.Audience]) || (module.ForOrganizationAdmins && actor.IsOrganizationAdmin));

    /// <summary>The modules shown to the user, in the portal's order.</summary>
    public IReadOnlyList<PortalModule> Modules => PortalModules.All.Where(Sees).ToList();
}
