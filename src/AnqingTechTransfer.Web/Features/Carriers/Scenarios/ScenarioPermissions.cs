using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Carriers;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Web.Authorization;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace AnqingTechTransfer.Web.Features.Carriers.Scenarios;

/// <summary>
/// 应用场景: counties, parks, (lead) enterprises and the 场景促进中心 record scenario needs (挖掘) and complete them (策划) —
/// the first three in their own region, the centre for any county or park; the county or park of the scenario's region
/// reviews it before it is published; its author accepts interests (对接) and records the outcome; enterprises,
/// universities and agencies express interest as suppliers. Published scenarios are public.
/// </summary>
public sealed class ScenarioPermissions(ICurrentActor actor) : Permissions<Scenario>(actor)
{
    /// <summary>Edits and submits a draft or a returned scenario (its author).</summary>
    public static readonly OperationAuthorizationRequirement Edit = new() { Name = "ScenarioEdit" };

    /// <summary>Approves or returns a pending scenario (the county or park of its region).</summary>
    public static readonly OperationAuthorizationRequirement Review = new() { Name = "ScenarioReview" };

    /// <summary>Accepts an interest and closes a scenario with its outcome (its author).</summary>
    public static readonly OperationAuthorizationRequirement Close = new() { Name = "ScenarioClose" };

    /// <summary>Expresses interest as a supplier.</summary>
    public static readonly OperationAuthorizationRequirement Express = new() { Name = "ScenarioExpress" };

    /// <summary>An active 场景促进中心: records scenarios for every county and park and sees those being prepared.</summary>
    public bool IsCenter => Actor.Acts(PortalRoles.Agency) && Actor.OrganizationKind == OrganizationKind.ScenarioCenter;

    /// <summary>Records scenario needs (counties, parks, enterprises and the 场景促进中心).</summary>
    public bool MayPublish => Actor.ActsAny(PortalRoles.County, PortalRoles.Park, PortalRoles.Enterprise) || IsCenter;

    /// <summary>Reviews scenarios of its region (a county or park).</summary>
    public bool MayReview => Actor.ActsAny(PortalRoles.County, PortalRoles.Park);

    /// <summary>Sees the scenarios being prepared: their authors, the reviewers, the centre and the bureau.</summary>
    public bool MayManage => MayPublish || MayReview || Actor.ActsAny(PortalRoles.Bureau, PortalRoles.BureauAdmin);

    /// <summary>Supplies technology to scenarios (enterprises, universities and agencies).</summary>
    public bool MaySupply => Actor.ActsAny(PortalRoles.Enterprise, PortalRoles.University, PortalRoles.Agency);

    /// <summary>The actor's organization recorded the scenario (and still may record).</summary>
    public bool IsPublisher(Scenario scenario) => MayPublish && scenario.OrganizationId == Actor.OrganizationId;

    /// <summary>The actor's active organization has expressed interest.</summary>
    public bool HasExpressed(Scenario scenario) =>
        Actor.IsOrganizationActive && scenario.Interests.Any(i => i.OrganizationId == Actor.OrganizationId);

    public override bool Allows(OperationAuthorizationRequirement operation, Scenario scenario) => operation.Name switch
    {
        "ScenarioEdit" or "ScenarioClose" => IsPublisher(scenario),
        "ScenarioReview" => MayReview && scenario.RegionCode == Actor.RegionCode,
        "ScenarioExpress" => MaySupply,
        _ => false,
    };
}
