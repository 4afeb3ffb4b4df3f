using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Matching;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Web.Features.Market.Docking;
using static AnqingTechTransfer.Web.IntegrationTests.Authorization.TestActors;

namespace AnqingTechTransfer.Web.IntegrationTests.Authorization;

/// <summary>对接意向: who opens, answers and converses, as tables, without HTTP.</summary>
public class DockingPermissionsTests
{
    private const OrganizationStatus Active = OrganizationStatus.Active;
    private const OrganizationStatus Suspended = OrganizationStatus.Suspended;
    private const OrganizationStatus Pending = OrganizationStatus.Pending;

    [Theory]
    [InlineData(PortalRoles.Bureau, Active, true, false, true)]
    [InlineData(PortalRoles.Bureau, Suspended, false, false, false)]
    [InlineData(PortalRoles.Enterprise, Active, false, true, true)]
    [InlineData(PortalRoles.University, Active, false, true, true)]
    [InlineData(PortalRoles.University, Pending, false, false, false)]
    [InlineData(PortalRoles.County, Active, false, false, true)] // issue 24 §8: counties and parks read the dockings they broker
    [InlineData(PortalRoles.Park, Active, false, false, true)]
    [InlineData(PortalRoles.Agency, Active, false, false, false)]
    public void Page_rights(string role, OrganizationStatus status, bool followsCity, bool docks, bool readsRequests)
    {
        var p = new DockingPermissions(Of(role, status));

        (p.FollowsCity, p.Docks, p.ReadsRequests).Should().Be((followsCity, docks, readsRequests));
    }

    public enum Owns { Need, Result, Neither }

    [Theory]
    [InlineData(PortalRoles.Enterprise, Active, Owns.Need, true)]
    [InlineData(PortalRoles.Enterprise, Suspended, Owns.Need, false)]
    [InlineData(PortalRoles.Enterprise, Active, Owns.Result, false)]
    [InlineData(PortalRoles.University, Active, Owns.Result, true)]
    [InlineData(PortalRoles.University, Pending, Owns.Result, false)]
    [InlineData(PortalRoles.University, Active, Owns.Need, false)]
    [InlineData(PortalRoles.Enterprise, Active, Owns.Neither, false)]
    [InlineData(PortalRoles.Bureau, Active, Owns.Need, false)]
    public void Opening_a_request(string role, OrganizationStatus status, Owns owns, bool allowed)
    {
        var need = TestRecords.Make<TechNeed>(("OrganizationId", owns == Owns.Need ? OwnOrganization : OtherOrganization));
        var result = TestRecords.Make<TechResult>(("OrganizationId", owns == Owns.Result ? OwnOrganization : OtherOrganization));

        new DockingPermissions(Of(role, status)).MayOpen(need, result).Should().Be(allowed);
    }

    public enum Side { Sender, Recipient, Outsider }

    [Theory]
    //                                                              decide converse file   party  recipient
    [InlineData(PortalRoles.Enterprise, Active, Side.Recipient, DockingStatus.Pending, true, true, false, true, true)]
    [InlineData(PortalRoles.Enterprise, Suspended, Side.Recipient, DockingStatus.Pending, false, false, false, false, false)]
    [InlineData(PortalRoles.University, Active, Side.Sender, DockingStatus.Pending, false, true, false, true, false)]
    // Issue 22: only the result's owner (the seller) files the contract; the need's owner (the buyer) no longer may.
    [InlineData(PortalRoles.University, Active, Side.Sender, DockingStatus.Accepted, false, true, false, true, false)]
    [InlineData(PortalRoles.Enterprise, Active, Side.Recipient, DockingStatus.Accepted, true, true, true, true, true)]
    [InlineData(PortalRoles.University, Pending, Side.Sender, DockingStatus.Accepted, false, false, false, false, false)]
    [InlineData(PortalRoles.Enterprise, Active, Side.Recipient, DockingStatus.Declined, true, true, false, true, true)]
    [InlineData(PortalRoles.Enterprise, Active, Side.Outsider, DockingStatus.Accepted, false, false, false, false, false)]
    // The bureau follows requests but is no party.
    [InlineData(PortalRoles.Bureau, Active, Side.Recipient, DockingStatus.Accepted, false, false, false, true, true)]
    public void Requests(string role, OrganizationStatus status, Side side, DockingStatus state, bool decide, bool converse, bool fileContract, bool isParty,
        bool isRecipient)
    {
        // The need's owner sent the request to the result's owner.
        var request = TestRecords.Make<DockingRequest>(("NeedOrganizationId", side == Side.Sender ? OwnOrganization : Guid.NewGuid()),
            ("ResultOrganizationId", side == Side.Recipient ? OwnOrganization : Guid.NewGuid()), ("Status", state));
        TestRecords.Set(request, "FromOrganizationId", request.NeedOrganizationId);
        var p = new DockingPermissions(Of(role, status));

        (p.Allows(DockingPermissions.Decide, request), p.Allows(DockingPermissions.Converse, request), p.Allows(DockingPermissions.FileContract, request),
            p.IsParty(request), p.IsRecipient(request)).Should().Be((decide, converse, fileContract, isParty, isRecipient));
    }

    [Fact]
    public void No_contract_twice()
    {
        var request = TestRecords.Make<DockingRequest>(("NeedOrganizationId", OwnOrganization), ("ResultOrganizationId", OtherOrganization),
            ("FromOrganizationId", OwnOrganization), ("Status", DockingStatus.Accepted), ("ContractId", (Guid?)Guid.NewGuid()));

        new DockingPermissions(Of(PortalRoles.Enterprise)).Allows(DockingPermissions.FileContract, request).Should().BeFalse();
    }
}
