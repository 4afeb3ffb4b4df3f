using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Carriers;
using AnqingTechTransfer.Domain.Matching;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Domain.Regions;
using AnqingTechTransfer.Web.Features.Market.DockingEvents;
using AnqingTechTransfer.Web.Features.Carriers.Scenarios;
using static AnqingTechTransfer.Web.IntegrationTests.Authorization.TestActors;

namespace AnqingTechTransfer.Web.IntegrationTests.Authorization;

/// <summary>应用场景 and 对接活动: who publishes, supplies and organizes, as tables, without HTTP.</summary>
public class ScenarioPermissionsTests
{
    private const OrganizationStatus Active = OrganizationStatus.Active;
    private const OrganizationStatus Suspended = OrganizationStatus.Suspended;
    private const OrganizationStatus Pending = OrganizationStatus.Pending;

    [Theory]
    //                                          publish supply close(own) close(other) express
    [InlineData(PortalRoles.County, Active, true, false, true, false, false)]
    [InlineData(PortalRoles.Park, Active, true, false, true, false, false)]
    [InlineData(PortalRoles.Park, Suspended, false, false, false, false, false)]
    [InlineData(PortalRoles.Enterprise, Active, true, true, true, false, true)]
    [InlineData(PortalRoles.Enterprise, Pending, false, false, false, false, false)]
    [InlineData(PortalRoles.University, Active, false, true, false, false, true)]
    [InlineData(PortalRoles.Agency, Active, false, true, false, false, true)]
    [InlineData(PortalRoles.Agency, Suspended, false, false, false, false, false)]
    [InlineData(PortalRoles.Bureau, Active, false, false, false, false, false)]
    [InlineData(PortalRoles.Bank, Active, false, false, false, false, false)]
    public void Scenarios(string role, OrganizationStatus status, bool publish, bool supply, bool closeOwn, bool closeOthers, bool express)
    {
        var own = TestRecords.Make<Scenario>(("OrganizationId", OwnOrganization), ("Status", ScenarioStatus.Open));
        var others = TestRecords.Make<Scenario>(("OrganizationId", OtherOrganization), ("Status", ScenarioStatus.Open));
        var p = new ScenarioPermissions(Of(role, status));

        (p.MayPublish, p.MaySupply, p.Allows(ScenarioPermissions.Close, own), p.Allows(ScenarioPermissions.Close, others), p.Allows(ScenarioPermissions.Express, others))
            .Should().Be((publish, supply, closeOwn, closeOthers, express));
    }

    [Theory]
    //                                                         kind                          publish center review(own region) review(other) manage
    [InlineData(PortalRoles.Agency, Active, OrganizationKind.ScenarioCenter, true, true, false, false, true)]
    [InlineData(PortalRoles.Agency, Suspended, OrganizationKind.ScenarioCenter, false, false, false, false, false)]
    [InlineData(PortalRoles.Agency, Active, OrganizationKind.TransferAgency, false, false, false, false, false)]
    [InlineData(PortalRoles.County, Active, OrganizationKind.CountyGovernment, true, false, true, false, true)]
    [InlineData(PortalRoles.Park, Active, OrganizationKind.ParkCommittee, true, false, true, false, true)]
    [InlineData(PortalRoles.County, Suspended, OrganizationKind.CountyGovernment, false, false, false, false, false)]
    [InlineData(PortalRoles.Enterprise, Active, OrganizationKind.Enterprise, true, false, false, false, true)]
    [InlineData(PortalRoles.Bureau, Active, OrganizationKind.MunicipalBureau, false, false, false, false, true)]
    [InlineData(PortalRoles.Leader, Active, OrganizationKind.CountyGovernment, false, false, false, false, false)]
    public void The_scenario_centre_records_for_every_region_and_the_regions_county_or_park_reviews(string role, OrganizationStatus status, OrganizationKind kind,
        bool publish, bool center, bool reviewOwnRegion, bool reviewOtherRegion, bool manage)
    {
        var inRegion = TestRecords.Make<Scenario>(("OrganizationId", OtherOrganization), ("RegionCode", AnqingRegions.Huaining), ("Status", ScenarioStatus.Pending));
        var elsewhere = TestRecords.Make<Scenario>(("OrganizationId", OtherOrganization), ("RegionCode", AnqingRegions.Qianshan), ("Status", ScenarioStatus.Pending));
        var p = new ScenarioPermissions(Of(role, status, AnqingRegions.Huaining, kind: kind));

        (p.MayPublish, p.IsCenter, p.Allows(ScenarioPermissions.Review, inRegion), p.Allows(ScenarioPermissions.Review, elsewhere), p.MayManage)
            .Should().Be((publish, center, reviewOwnRegion, reviewOtherRegion, manage));
        p.Allows(ScenarioPermissions.Edit, inRegion).Should().BeFalse("only the author edits");
    }

    [Theory]
    [InlineData(Active, true)]
    [InlineData(Suspended, false)]
    public void An_interest_expressed_counts_for_an_active_organization(OrganizationStatus status, bool expressed)
    {
        var scenario = TestRecords.Make<Scenario>(("OrganizationId", OtherOrganization),
            ("Interests", new List<ScenarioInterest> { new(OwnOrganization, "我方", "意向", DateTimeOffset.UnixEpoch) }));

        new ScenarioPermissions(Of(PortalRoles.University, status)).HasExpressed(scenario).Should().Be(expressed);
    }

    [Theory]
    //                                            organize own-event other-event candidates
    [InlineData(PortalRoles.Bureau, Active, true, true, false, null)]
    [InlineData(PortalRoles.Bureau, Suspended, false, false, false, AnqingRegions.Huaining)]
    [InlineData(PortalRoles.County, Active, true, true, false, AnqingRegions.Huaining)]
    [InlineData(PortalRoles.Park, Active, true, true, false, AnqingRegions.Huaining)]
    [InlineData(PortalRoles.County, Pending, false, false, false, AnqingRegions.Huaining)]
    [InlineData(PortalRoles.Enterprise, Active, false, false, false, AnqingRegions.Huaining)]
    [InlineData(PortalRoles.Leader, Active, false, false, false, AnqingRegions.Huaining)]
    public void Docking_events(string role, OrganizationStatus status, bool mayOrganize, bool organizesOwn, bool organizesOthers, string? candidateRegion)
    {
        var own = TestRecords.Make<DockingEvent>(("OrganizationId", OwnOrganization));
        var others = TestRecords.Make<DockingEvent>(("OrganizationId", OtherOrganization));
        var p = new DockingEventPermissions(Of(role, status));

        (p.MayOrganize, p.Allows(DockingEventPermissions.Organize, own), p.Allows(DockingEventPermissions.Organize, others), p.CandidateRegion)
            .Should().Be((mayOrganize, organizesOwn, organizesOthers, candidateRegion));
    }
}
