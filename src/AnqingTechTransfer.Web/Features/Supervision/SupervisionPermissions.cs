using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Supervision;
using AnqingTechTransfer.Web.Authorization;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace AnqingTechTransfer.Web.Features.Supervision;

/// <summary>
/// 任务督办: the lead units of a measure (municipal departments and the bureau by organization, counties and parks by
/// region) report their progress every quarter and revise what was sent back; the bureau reviews the reports, assigns the
/// leads and marks measures done. Every right needs an active organization.
/// </summary>
public sealed class SupervisionPermissions(ICurrentActor actor) : Permissions<PlanMeasure>(actor)
{
    /// <summary>The kinds of user who lead measures for their organization or region.</summary>
    public static readonly string[] LeadRoles = [PortalRoles.Department, PortalRoles.County, PortalRoles.Park, PortalRoles.Bureau];

    /// <summary>File the quarter's progress report on the measure (one of its lead units).</summary>
    public static readonly OperationAuthorizationRequirement Report = new() { Name = "MeasureReport" };

    /// <summary>Reviews reports (accepts or asks for more), assigns leads, marks measures done or reopens them (the bureau).</summary>
    public bool Reviews => Actor.Acts(PortalRoles.Bureau);

    /// <summary>Acts as a (possible) lead unit of its organization or region.</summary>
    public bool ActsAsLead => Actor.ActsAny(LeadRoles);

    /// <summary>The actor's organization (or, for a county or park, its region) leads the measure.</summary>
    public bool Leads(PlanMeasure measure) =>
        ActsAsLead && Actor.OrganizationKind is { } kind && measure.IsLedBy(Actor.OrganizationId, kind, Actor.RegionCode);

    /// <summary>Revises its own unit's report after it was sent back.</summary>
    public bool Revises(MeasureReport report) => ActsAsLead && report.OrganizationId == Actor.OrganizationId;

    public override bool Allows(OperationAuthorizationRequirement operation, PlanMeasure measure) => operation.Name switch
    {
        "MeasureReport" => Leads(measure),
        _ => false,
    };
}
