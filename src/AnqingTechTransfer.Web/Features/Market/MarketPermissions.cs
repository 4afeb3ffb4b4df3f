using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Matching;
using AnqingTechTransfer.Web.Authorization;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace AnqingTechTransfer.Web.Features.Market;

/// <summary>
/// 技术市场 (needs and results): enterprises post needs, universities and institutes post results, each keeps its own;
/// the bureau reviews every listing and a county or park those of its region. The search and published listings are public.
/// </summary>
public sealed class MarketPermissions(ICurrentActor actor) : Permissions<MarketListing>(actor)
{
    /// <summary>Edits, withdraws, resubmits, closes a listing and dismisses its suggestions (the posting organization).</summary>
    public static readonly OperationAuthorizationRequirement Own = new() { Name = "MarketOwn" };

    /// <summary>Publishes or returns a listing (the bureau; a county or park in its region).</summary>
    public static readonly OperationAuthorizationRequirement Review = new() { Name = "MarketReview" };

    /// <summary>The role that posts needs (true) or results (false).</summary>
    public static string PosterRole(bool isNeed) => isNeed ? PortalRoles.Enterprise : PortalRoles.University;

    /// <summary>Posts technology needs (an enterprise).</summary>
    public bool MayPostNeeds => MayPost(isNeed: true);

    /// <summary>Posts technology results (a university or institute).</summary>
    public bool MayPostResults => MayPost(isNeed: false);

    /// <summary>Reviews every listing (the bureau).</summary>
    public bool ReviewsCity => Actor.Acts(PortalRoles.Bureau);

    /// <summary>Reviews the listings of its own region (a county or park).</summary>
    public bool ReviewsRegion => Actor.ActsAny(PortalRoles.County, PortalRoles.Park);

    /// <summary>Has listings to review (the bureau, counties and parks).</summary>
    public bool Reviews => ReviewsCity || ReviewsRegion;

    /// <summary>Answers docking requests on its own needs or results (an enterprise or university).</summary>
    public bool Docks => MayPostNeeds || MayPostResults;

    /// <summary>Signed in for an active organization: sees the docking requests on a listing and offers its own listings for one.</summary>
    public bool TakesPart => Actor.IsOrganizationActive && Actor.OrganizationId != Guid.Empty;

    public bool MayPost(bool isNeed) => Actor.Acts(PosterRole(isNeed));

    /// <summary>Opens the management list of needs or results: its posters, and the reviewers.</summary>
    public bool MayManage(bool isNeed) => MayPost(isNeed) || Reviews;

    public override bool Allows(OperationAuthorizationRequirement operation, MarketListing listing) => operation.Name switch
    {
        "MarketOwn" => MayPost(listing is TechNeed) && listing.OrganizationId == Actor.OrganizationId,
        "MarketReview" => ReviewsCity || (ReviewsRegion && listing.RegionCode == Actor.RegionCode),
        _ => false,
    };
}
