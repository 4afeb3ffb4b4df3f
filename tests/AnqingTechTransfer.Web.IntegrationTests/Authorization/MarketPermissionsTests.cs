using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Matching;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Domain.Regions;
using AnqingTechTransfer.Web.Features.Market;
using static AnqingTechTransfer.Web.IntegrationTests.Authorization.TestActors;

namespace AnqingTechTransfer.Web.IntegrationTests.Authorization;

/// <summary>技术市场: who posts, keeps and reviews needs and results, as tables, without HTTP.</summary>
public class MarketPermissionsTests
{
    private const OrganizationStatus Active = OrganizationStatus.Active;
    private const OrganizationStatus Suspended = OrganizationStatus.Suspended;
    private const OrganizationStatus Pending = OrganizationStatus.Pending;

    [Theory]
    //           role                       status     needs  results city   region docks  manageNeeds manageResults
    [InlineData(PortalRoles.Enterprise, Active, true, false, false, false, true, true, false)]
    [InlineData(PortalRoles.Enterprise, Pending, false, false, false, false, false, false, false)]
    [InlineData(PortalRoles.University, Active, false, true, false, false, true, false, true)]
    [InlineData(PortalRoles.University, Suspended, false, false, false, false, false, false, false)]
    [InlineData(PortalRoles.Bureau, Active, false, false, true, false, false, true, true)]
    [InlineData(PortalRoles.Bureau, Suspended, false, false, false, false, false, false, false)]
    [InlineData(PortalRoles.County, Active, false, false, false, true, false, true, true)]
    [InlineData(PortalRoles.Park, Active, false, false, false, true, false, true, true)]
    [InlineData(PortalRoles.Park, Pending, false, false, false, false, false, false, false)]
    [InlineData(PortalRoles.Agency, Active, false, false, false, false, false, false, false)]
    [InlineData(PortalRoles.Leader, Active, false, false, false, false, false, false, false)]
    public void Page_rights(string role, OrganizationStatus status, bool postsNeeds, bool postsResults, bool reviewsCity, bool reviewsRegion, bool docks, bool managesNeeds,
        bool managesResults)
    {
        var p = new MarketPermissions(Of(role, status));

        (p.MayPostNeeds, p.MayPostResults, p.ReviewsCity, p.ReviewsRegion, p.Docks, p.MayManage(isNeed: true), p.MayManage(isNeed: false))
            .Should().Be((postsNeeds, postsResults, reviewsCity, reviewsRegion, docks, managesNeeds, managesResults));
        p.Reviews.Should().Be(reviewsCity || reviewsRegion);
        p.TakesPart.Should().Be(status == Active);
    }

    public enum Kind { Need, Result }

    [Theory]
    // The posting organization keeps its listing, in the role that posts that kind.
    [InlineData(PortalRoles.Enterprise, Active, "Own", Kind.Need, true, true)]
    [InlineData(PortalRoles.Enterprise, Suspended, "Own", Kind.Need, true, false)]
    [InlineData(PortalRoles.Enterprise, Active, "Own", Kind.Need, false, false)]
    [InlineData(PortalRoles.Enterprise, Active, "Own", Kind.Result, true, false)]
    [InlineData(PortalRoles.University, Active, "Own", Kind.Result, true, true)]
    [InlineData(PortalRoles.University, Pending, "Own", Kind.Result, true, false)]
    [InlineData(PortalRoles.University, Active, "Own", Kind.Result, false, false)]
    [InlineData(PortalRoles.University, Active, "Own", Kind.Need, true, false)]
    [InlineData(PortalRoles.Bureau, Active, "Own", Kind.Need, true, false)]
    // Review: the bureau any; a county or park its region's (here: 怀宁县's listing, the actor in 怀宁县 unless "other region").
    [InlineData(PortalRoles.Bureau, Active, "Review", Kind.Need, false, true)]
    [InlineData(PortalRoles.Bureau, Suspended, "Review", Kind.Result, false, false)]
    [InlineData(PortalRoles.County, Active, "Review", Kind.Need, false, true)]
    [InlineData(PortalRoles.Park, Active, "Review", Kind.Result, false, true)]
    [InlineData(PortalRoles.County, Pending, "Review", Kind.Need, false, false)]
    [InlineData(PortalRoles.Enterprise, Active, "Review", Kind.Need, true, false)]
    public void Listings(string role, OrganizationStatus status, string operation, Kind kind, bool ownOrganization, bool allowed)
    {
        MarketListing listing = kind == Kind.Need
            ? TestRecords.Make<TechNeed>(("OrganizationId", ownOrganization ? OwnOrganization : OtherOrganization), ("RegionCode", AnqingRegions.Huaining))
            : TestRecords.Make<TechResult>(("OrganizationId", ownOrganization ? OwnOrganization : OtherOrganization), ("RegionCode", AnqingRegions.Huaining));
        var op = operation == "Own" ? MarketPermissions.Own : MarketPermissions.Review;

        new MarketPermissions(Of(role, status)).Allows(op, listing).Should().Be(allowed);
    }

    [Theory]
    [InlineData(PortalRoles.County, AnqingRegions.Huaining, true)]
    [InlineData(PortalRoles.County, AnqingRegions.Qianshan, false)]
    [InlineData(PortalRoles.Park, AnqingRegions.Qianshan, false)]
    [InlineData(PortalRoles.Bureau, AnqingRegions.City, true)]
    public void A_county_or_park_reviews_only_its_region(string role, string actorRegion, bool allowed)
    {
        var need = TestRecords.Make<TechNeed>(("OrganizationId", OtherOrganization), ("RegionCode", AnqingRegions.Huaining));

        new MarketPermissions(Of(role, region: actorRegion)).Allows(MarketPermissions.Review, need).Should().Be(allowed);
    }
}
