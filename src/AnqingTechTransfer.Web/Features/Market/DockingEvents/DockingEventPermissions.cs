using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Matching;
using AnqingTechTransfer.Web.Authorization;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace AnqingTechTransfer.Web.Features.Market.DockingEvents;

/// <summary>
/// 对接活动: announced to everyone; the bureau, a county or a park organizes events, and the organizing organization adds
/// the published needs and results taking part (the bureau from the whole city, a county or park from its region) and
/// records the outcomes.
/// </summary>
public sealed class DockingEventPermissions(ICurrentActor actor) : Permissions<DockingEvent>(actor)
{
    /// <summary>Adds listings to and records outcomes of an event (its organizer).</summary>
    public static readonly OperationAuthorizationRequirement Organize = new() { Name = "DockingEventOrganize" };

    /// <summary>Plans events (the bureau, counties and parks).</summary>
    public bool MayOrganize => Actor.ActsAny(PortalRoles.Bureau, PortalRoles.County, PortalRoles.Park);

    /// <summary>The region an organizer picks listings from: the whole city for the bureau (null), otherwise its own.</summary>
    public string? CandidateRegion => Actor.Acts(PortalRoles.Bureau) ? null : Actor.RegionCode;

    public override bool Allows(OperationAuthorizationRequirement operation, DockingEvent dockingEvent) =>
        operation.Name == Organize.Name && MayOrganize && dockingEvent.OrganizationId == Actor.OrganizationId;
}
