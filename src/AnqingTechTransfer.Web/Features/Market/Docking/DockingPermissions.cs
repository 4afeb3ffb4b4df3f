using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Matching;
using AnqingTechTransfer.Web.Authorization;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace AnqingTechTransfer.Web.Features.Market.Docking;

/// <summary>
/// 对接意向: the owner of a published need (an enterprise) or result (a university or institute) asks the other side;
/// the recipient answers; both parties converse and, once accepted, file the contract. The bureau follows every request.
/// </summary>
public sealed class DockingPermissions(ICurrentActor actor) : Permissions<DockingRequest>(actor)
{
    /// <summary>Accepts or declines a request (the organization it was sent to).</summary>
    public static readonly OperationAuthorizationRequirement Decide = new() { Name = "DockingDecide" };

    /// <summary>Writes in the request's conversation (either party).</summary>
    public static readonly OperationAuthorizationRequirement Converse = new() { Name = "DockingConverse" };

    /// <summary>Turns an accepted request into a pre-filled contract: the result's owner, who sells and so applies for registration (issue 22), once, while no contract is linked.</summary>
    public static readonly OperationAuthorizationRequirement FileContract = new() { Name = "DockingFileContract" };

    /// <summary>Follows every request and the needs a docking solved (the bureau).</summary>
    public bool FollowsCity => Actor.Acts(PortalRoles.Bureau);

    /// <summary>Owns needs or results, and so docks (an enterprise or a university).</summary>
    public bool Docks => Actor.ActsAny(PortalRoles.Enterprise, PortalRoles.University);

    /// <summary>
    /// Sees the suggestions of needs and results and brokers a docking between the two sides (issue 24 §8): the bureau for
    /// the city, a county or park — which keeps the region's commissioners — for the needs and results of its region.
    /// </summary>
    public bool Brokers => Actor.ActsAny(PortalRoles.Bureau, PortalRoles.County, PortalRoles.Park);

    /// <summary>Opens the list of requests (the tenant filter keeps an owner to its own, a broker to those it brokered).</summary>
    public bool ReadsRequests => FollowsCity || Docks || Brokers;

    /// <summary>Brokers this pair: the bureau any; a county or park when the need or the result is of its region.</summary>
    public bool MayBroker(TechNeed need, TechResult result) =>
        Actor.Acts(PortalRoles.Bureau) || (Brokers && Actor.RegionCode.Length > 0 && (need.RegionCode == Actor.RegionCode || result.RegionCode == Actor.RegionCode));

    /// <summary>Opens a request about this need and this result: the owner of either, in the role that posts it.</summary>
    public bool MayOpen(TechNeed need, TechResult result)
    {
        var me = Actor.OrganizationId;
        return (Actor.Acts(PortalRoles.Enterprise) && need.OrganizationId == me) || (Actor.Acts(PortalRoles.University) && result.OrganizationId == me);
    }

    /// <summary>The actor's active organization is one of the two sides (it sees both contacts once accepted).</summary>
    public bool IsParty(DockingRequest request) => Actor.IsOrganizationActive && request.IsParty(Actor.OrganizationId);

    /// <summary>The actor's active organization is the side the request was sent to.</summary>
    public bool IsRecipient(DockingRequest request) => Actor.IsOrganizationActive && request.AwaitsAnswerFrom(Actor.OrganizationId);

    public override bool Allows(OperationAuthorizationRequirement operation, DockingRequest request) => operation.Name switch
    {
        "DockingDecide" => Docks && request.AwaitsAnswerFrom(Actor.OrganizationId),
        "DockingConverse" => Docks && request.IsParty(Actor.OrganizationId),
        "DockingFileContract" => Docks && request.ResultOrganizationId == Actor.OrganizationId && request.Status == DockingStatus.Accepted && request.ContractId is null,
        _ => false,
    };
}
