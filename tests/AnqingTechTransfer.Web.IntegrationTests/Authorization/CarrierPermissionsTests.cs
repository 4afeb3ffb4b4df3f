using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Carriers;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Web.Features.Carriers;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using static AnqingTechTransfer.Web.IntegrationTests.Authorization.PermissionActors;

namespace AnqingTechTransfer.Web.IntegrationTests.Authorization;

/// <summary>创新载体: actor × operation × carrier (host organization, region) → allowed.</summary>
public class CarrierPermissionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 9, 0, 0, TimeSpan.FromHours(8));

    private static Guid HostOf(string host) => host switch { "own" => Own, "other" => Other, _ => Guid.Empty };

    private static Carrier CarrierOf(string host, string region) => Carrier.Register("怀宁中试基地", CarrierType.PilotBaseGeneral, CarrierLevel.Municipal, HostOf(host),
        "依托单位", string.Empty, string.Empty, region, null, string.Empty, CarrierStatus.Cultivating, Now);

    private static OperationAuthorizationRequirement Op(string name) => name switch
    {
        "Keep" => CarrierPermissions.Keep,
        "Host" => CarrierPermissions.Host,
        "Apply" => CarrierPermissions.Apply,
        "SeeDeals" => CarrierPermissions.SeeDeals,
        "Shape" => CarrierPermissions.Shape,
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    // The bureau keeps every carrier and sees every agency's deals, but is not a host.
    [InlineData(PortalRoles.Bureau, "Active", "Keep", "other", Qianshan, true)]
    [InlineData(PortalRoles.Bureau, "Active", "SeeDeals", "other", Qianshan, true)]
    [InlineData(PortalRoles.Bureau, "Active", "Host", "other", Qianshan, false)]
    [InlineData(PortalRoles.Bureau, "Active", "Apply", "other", Qianshan, false)]
    [InlineData(PortalRoles.Bureau, "Suspended", "Keep", "other", Qianshan, false)]
    [InlineData(PortalRoles.BureauAdmin, "Active", "Keep", "other", Qianshan, false)]
    // A county keeps and nominates the carriers of its own region only.
    [InlineData(PortalRoles.County, "Active", "Keep", "other", Huaining, true)]
    [InlineData(PortalRoles.County, "Active", "Apply", "other", Huaining, true)]
    [InlineData(PortalRoles.County, "Active", "Keep", "other", Qianshan, false)]
    [InlineData(PortalRoles.County, "Active", "Apply", "other", Qianshan, false)]
    [InlineData(PortalRoles.County, "Active", "SeeDeals", "other", Huaining, false)]
    [InlineData(PortalRoles.County, "Pending", "Keep", "other", Huaining, false)]
    [InlineData(PortalRoles.Park, "Active", "Keep", "other", Huaining, true)]
    [InlineData(PortalRoles.Park, "Suspended", "Apply", "other", Huaining, false)]
    // The host organization keeps its own carrier's profile, applies and sees its deals.
    [InlineData(PortalRoles.Enterprise, "Active", "Host", "own", Qianshan, true)]
    [InlineData(PortalRoles.Enterprise, "Active", "Apply", "own", Qianshan, true)]
    [InlineData(PortalRoles.Enterprise, "Active", "SeeDeals", "own", Qianshan, true)]
    [InlineData(PortalRoles.Enterprise, "Active", "Keep", "own", Huaining, false)]
    [InlineData(PortalRoles.Enterprise, "Active", "Host", "other", Qianshan, false)]
    [InlineData(PortalRoles.Enterprise, "Active", "Host", "none", Qianshan, false)]
    [InlineData(PortalRoles.Enterprise, "Suspended", "Host", "own", Qianshan, false)]
    [InlineData(PortalRoles.Enterprise, "Pending", "Apply", "own", Qianshan, false)]
    [InlineData(PortalRoles.University, "Active", "Host", "own", Qianshan, true)]
    [InlineData(PortalRoles.Agency, "Active", "SeeDeals", "own", Qianshan, true)]
    [InlineData(PortalRoles.Agency, "Suspended", "SeeDeals", "own", Qianshan, false)]
    // A consortium's members and an enclave's location: the host or the bureau, not the county keeping the record.
    [InlineData(PortalRoles.Bureau, "Active", "Shape", "other", Qianshan, true)]
    [InlineData(PortalRoles.Enterprise, "Active", "Shape", "own", Qianshan, true)]
    [InlineData(PortalRoles.Enterprise, "Active", "Shape", "other", Qianshan, false)]
    [InlineData(PortalRoles.County, "Active", "Shape", "other", Huaining, false)]
    [InlineData(PortalRoles.Expert, "Active", "Shape", "own", Qianshan, false)]
    // A county hosting a carrier elsewhere is its host there.
    [InlineData(PortalRoles.County, "Active", "Host", "own", Qianshan, true)]
    // Members who do not act for their organization: experts, registrars, leaders, banks.
    [InlineData(PortalRoles.Expert, "Active", "Host", "own", Qianshan, false)]
    [InlineData(PortalRoles.Registrar, "Active", "Host", "own", Qianshan, false)]
    [InlineData(PortalRoles.Leader, "Active", "Keep", "own", Huaining, false)]
    [InlineData(PortalRoles.Bank, "Active", "Apply", "own", Qianshan, false)]
    public void Carrier_operations(string role, string status, string operation, string host, string region, bool allowed) =>
        new CarrierPermissions(Of(role, Status(status))).Allows(Op(operation), CarrierOf(host, region)).Should().Be(allowed);

    [Theory]
    [InlineData(PortalRoles.Bureau, "Active", true, true, false, false)]
    [InlineData(PortalRoles.Bureau, "Suspended", false, false, false, false)]
    [InlineData(PortalRoles.County, "Active", true, false, true, false)]
    [InlineData(PortalRoles.Park, "Active", true, false, true, false)]
    [InlineData(PortalRoles.Park, "Pending", false, false, false, false)]
    [InlineData(PortalRoles.Enterprise, "Active", false, false, false, true)]
    [InlineData(PortalRoles.Enterprise, "Pending", false, false, false, false)]
    [InlineData(PortalRoles.University, "Active", false, false, false, false)]
    [InlineData(PortalRoles.Leader, "Active", false, false, false, false)]
    public void Page_rights(string role, string status, bool registers, bool decides, bool keepsOwnRegion, bool requestsServices)
    {
        var permissions = new CarrierPermissions(Of(role, Status(status)));
        permissions.Registers.Should().Be(registers);
        permissions.Decides.Should().Be(decides);
        permissions.KeepsOwnRegion.Should().Be(keepsOwnRegion);
        permissions.RequestsServices.Should().Be(requestsServices);
    }

    [Theory]
    [InlineData(PortalRoles.Enterprise, "Active", "own", true)]
    [InlineData(PortalRoles.Enterprise, "Active", "other", false)]
    [InlineData(PortalRoles.Enterprise, "Suspended", "own", false)]
    [InlineData(PortalRoles.Agency, "Active", "own", true)]
    [InlineData(PortalRoles.Expert, "Active", "own", false)]
    [InlineData(PortalRoles.Bureau, "Active", "own", false)]
    public void The_base_answers_the_requests_made_to_it(string role, string status, string baseOrganization, bool allowed)
    {
        var carrier = CarrierOf(baseOrganization, Huaining);
        var service = PilotService.Publish(carrier, "中试放大", "反应釜", "100L", "面议", Now);
        var request = ServiceRequest.Ask(service, Guid.CreateVersion7(), "某企业", "放大试验", Now);
        new CarrierPermissions(Of(role, Status(status))).Answers(request).Should().Be(allowed);
    }

    [Theory]
    [InlineData(PortalRoles.University, "Active", "own", true)]
    [InlineData(PortalRoles.University, "Active", "other", false)]
    [InlineData(PortalRoles.University, "Suspended", "own", false)]
    [InlineData(PortalRoles.Bureau, "Active", "other", true)]
    [InlineData(PortalRoles.County, "Active", "other", false)]
    [InlineData(PortalRoles.Expert, "Active", "own", false)]
    public void A_service_is_withdrawn_by_its_base_or_the_bureau(string role, string status, string baseOrganization, bool allowed) =>
        new CarrierPermissions(Of(role, Status(status))).Withdraws(PilotService.Publish(CarrierOf(baseOrganization, Huaining), "中试放大", "反应釜", "100L", "面议", Now))
            .Should().Be(allowed);

    [Theory]
    [InlineData(PortalRoles.Enterprise, "Active", true)]
    [InlineData(PortalRoles.Expert, "Active", true)]
    [InlineData(PortalRoles.Enterprise, "Pending", false)]
    [InlineData(PortalRoles.Enterprise, "Suspended", false)]
    public void Any_active_organization_reads_its_requests(string role, string status, bool allowed) =>
        new CarrierPermissions(Of(role, Status(status))).SeesRequests.Should().Be(allowed);

    [Fact]
    public void Nobody_signed_in_has_no_right() =>
        new CarrierPermissions(Anonymous).Allows(CarrierPermissions.Apply, CarrierOf("none", Huaining)).Should().BeFalse();

    [Fact]
    public void An_unknown_operation_is_refused() =>
        new CarrierPermissions(Of(PortalRoles.Bureau, OrganizationStatus.Active)).Allows(new OperationAuthorizationRequirement { Name = "Other" }, CarrierOf("own", Huaining))
            .Should().BeFalse();
}
