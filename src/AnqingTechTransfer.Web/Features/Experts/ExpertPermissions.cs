using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Experts;
using AnqingTechTransfer.Web.Authorization;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace AnqingTechTransfer.Web.Features.Experts;

/// <summary>
/// 评审专家库: the bureau keeps the pool (decides applications, suspends, removes, records integrity, re-evaluates); the
/// bureau, a county or a park recommends experts and reads the pool; an expert applies for themself and keeps their own
/// record. Personal data: the bureau and the expert unmask it; the recommending organization reads the record masked.
/// </summary>
public sealed class ExpertPermissions(ICurrentActor actor) : Permissions<Expert>(actor)
{
    public static readonly OperationAuthorizationRequirement Read = new() { Name = "ExpertRead" };
    public static readonly OperationAuthorizationRequirement Reveal = new() { Name = "ExpertReveal" };
    public static readonly OperationAuthorizationRequirement Edit = new() { Name = "ExpertEdit" };

    /// <summary>Keeps the pool: decides, suspends, reinstates, removes, re-evaluates, records integrity (the bureau).</summary>
    public bool ManagesPool => Actor.Acts(PortalRoles.Bureau);

    /// <summary>Recommends experts and reads the pool (the bureau, counties and parks).</summary>
    public bool MayRecommend => Actor.ActsAny(PortalRoles.Bureau, PortalRoles.County, PortalRoles.Park);

    /// <summary>An expert: has their own record and applies for themself.</summary>
    public bool IsExpert => Actor.Acts(PortalRoles.Expert);

    /// <summary>Opens the application form (for themself or to recommend someone).</summary>
    public bool MayApply => IsExpert || MayRecommend;

    /// <summary>The application is the expert's own (a recommender's is for someone else, even when it is also an expert).</summary>
    public bool AppliesForSelf => IsExpert && !MayRecommend;

    /// <summary>The record is the actor's own (as an expert of an active organization).</summary>
    public bool IsOwn(Expert expert) => Actor.IsOrganizationActive && Actor.UserId != Guid.Empty && expert.UserId == Actor.UserId;

    public override bool Allows(OperationAuthorizationRequirement operation, Expert expert) => operation.Name switch
    {
        "ExpertRead" => ManagesPool || IsOwn(expert) || (MayRecommend && expert.RecommendedByOrganizationId == Actor.OrganizationId),
        "ExpertReveal" => ManagesPool || IsOwn(expert),
        "ExpertEdit" => ManagesPool || (IsOwn(expert) && expert.Status != ExpertStatus.Removed),
        _ => false,
    };
}
