using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Carriers;
using AnqingTechTransfer.Web.Authorization;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace AnqingTechTransfer.Web.Features.Carriers.Scenarios;

/// <summary>
/// 应用场景: counties, parks and (leading) enterprises publish scenarios and record their outcome; enterprises,
/// universities and agencies express interest as suppliers. Scenarios are public.
/// </summary>
public sealed class ScenarioPermissions(ICurrentActor actor) : Permissions<Scenario>(actor)
{
    /// <summary>Closes a scenario with its outcome (the publishing organization).</summary>
    public static readonly OperationAuthorizationRequirement Close = new() { Name = "ScenarioClose" };

    /// <summary>Expresses interest as a supplier.</summary>
    public static readonly OperationAuthorizationRequirement Express = new() { Name = "ScenarioExpress" };

    /// <summary>Publishes scenarios (counties, parks and enterprises).</summary>
    public bool MayPublish => Actor.ActsAny(PortalRoles.County, PortalRoles.Park, PortalRoles.Enterprise);

    /// <summary>Supplies technology to scenarios (enterprises, universities and agencies).</summary>
    public bool MaySupply => Actor.ActsAny(PortalRoles.Enterprise, PortalRoles.University, PortalRoles.Agency);

    /// <summary>The actor's organization published the scenario (and still may publish).</summary>
    public bool IsPublisher(Scenario scenario) => MayPublish && scenario.OrganizationId == Actor.OrganizationId;

    /// <summary>The actor's active organization has expressed interest.</summary>
    public bool HasExpressed(Scenario scenario) =>
        Actor.IsOrganizationActive && scenario.Interests.Any(i => i.OrganizationId == Actor.OrganizationId);

    public override bool Allows(OperationAuthorizationRequirement operation, Scenario scenario) => operation.Name switch
    {
        "ScenarioClose" => IsPublisher(scenario),
        "ScenarioExpress" => MaySupply,
        _ => false,
    };
}
