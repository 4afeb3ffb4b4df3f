using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Web.Features.Enterprises;
using static AnqingTechTransfer.Web.IntegrationTests.Authorization.PermissionActors;

namespace AnqingTechTransfer.Web.IntegrationTests.Authorization;

/// <summary>企业资质 and the 高企培育库: actor × right → allowed (the records' region is the tenant filter's).</summary>
public class EnterprisePermissionsTests
{
    [Theory]
    // role, organization status → confirms, enters, reads, cultivates, chooses the cultivation region, imports
    [InlineData(PortalRoles.Bureau, "Active", true, false, true, true, true, true)]
    [InlineData(PortalRoles.Bureau, "Suspended", false, false, false, false, false, false)]
    [InlineData(PortalRoles.BureauAdmin, "Active", false, false, false, false, false, true)]
    [InlineData(PortalRoles.BureauAdmin, "Suspended", false, false, false, false, false, false)]
    [InlineData(PortalRoles.County, "Active", true, false, true, true, false, false)]
    [InlineData(PortalRoles.County, "Pending", false, false, false, false, false, false)]
    [InlineData(PortalRoles.Park, "Active", true, false, true, true, false, false)]
    [InlineData(PortalRoles.Park, "Suspended", false, false, false, false, false, false)]
    [InlineData(PortalRoles.Enterprise, "Active", false, true, true, false, false, false)]
    [InlineData(PortalRoles.Enterprise, "Pending", false, false, false, false, false, false)]
    [InlineData(PortalRoles.Enterprise, "Suspended", false, false, false, false, false, false)]
    [InlineData(PortalRoles.Leader, "Active", false, false, true, false, false, false)]
    [InlineData(PortalRoles.Leader, "Suspended", false, false, false, false, false, false)]
    [InlineData(PortalRoles.Department, "Active", false, false, false, false, false, false)]
    [InlineData(PortalRoles.University, "Active", false, false, false, false, false, false)]
    [InlineData(PortalRoles.Bank, "Active", false, false, false, false, false, false)]
    public void Rights(string role, string status, bool confirms, bool enters, bool reads, bool cultivates, bool choosesRegion, bool imports)
    {
        var permissions = new EnterprisePermissions(Of(role, Status(status)));
        permissions.Confirms.Should().Be(confirms);
        permissions.Enters.Should().Be(enters);
        permissions.Reads.Should().Be(reads);
        permissions.Cultivates.Should().Be(cultivates);
        permissions.ChoosesCultivationRegion.Should().Be(choosesRegion);
        permissions.ImportsProvincialLists.Should().Be(imports);
    }

    [Fact]
    public void Nobody_signed_in_reads_nothing() => new EnterprisePermissions(Anonymous).Reads.Should().BeFalse();
}
