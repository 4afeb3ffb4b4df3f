using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Experts;
using AnqingTechTransfer.Web.Authorization;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace AnqingTechTransfer.Web.Features.Experts.Panels;

/// <summary>
/// 评审组: the bureau creates panels, reads them, replays a draw and exports the seats; it draws, designates the chief,
/// replaces no-shows, excludes conflicts and publishes only on a panel it has not recused itself from.
/// </summary>
public sealed class PanelPermissions(ICurrentActor actor) : Permissions<ReviewPanel>(actor)
{
    /// <summary>Draws, designates the chief, marks no-shows, excludes and publishes.</summary>
    public static readonly OperationAuthorizationRequirement Run = new() { Name = "PanelRun" };

    /// <summary>Creates panels and reads, replays, exports and recuses from them (the bureau).</summary>
    public bool ManagesPanels => Actor.Acts(PortalRoles.Bureau);

    /// <summary>The actor declared a conflict on this panel: no names and no steps before publicity.</summary>
    public bool HasRecused(ReviewPanel panel) => panel.RecusedUserIds.Contains(Actor.UserId);

    public override bool Allows(OperationAuthorizationRequirement operation, ReviewPanel panel) =>
        operation.Name == Run.Name && ManagesPanels && !HasRecused(panel);
}
