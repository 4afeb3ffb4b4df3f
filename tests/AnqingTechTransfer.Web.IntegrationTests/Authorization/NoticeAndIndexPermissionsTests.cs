using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Web.Features.Supervision.Notices;
using AnqingTechTransfer.Web.Features.Supervision.TransferIndex;
using static AnqingTechTransfer.Web.IntegrationTests.Authorization.PermissionActors;

namespace AnqingTechTransfer.Web.IntegrationTests.Authorization;

/// <summary>通知公告 and 科技成果转化指数: only the bureau of an active organization publishes.</summary>
public class NoticeAndIndexPermissionsTests
{
    [Theory]
    [InlineData(PortalRoles.Bureau, "Active", true)]
    [InlineData(PortalRoles.Bureau, "Suspended", false)]
    [InlineData(PortalRoles.Bureau, "Pending", false)]
    [InlineData(PortalRoles.BureauAdmin, "Active", false)]
    [InlineData(PortalRoles.Leader, "Active", false)]
    [InlineData(PortalRoles.Department, "Active", false)]
    [InlineData(PortalRoles.County, "Active", false)]
    [InlineData(PortalRoles.Enterprise, "Active", false)]
    public void Publishing(string role, string status, bool publishes)
    {
        var actor = Of(role, Status(status));
        new NoticePermissions(actor).Publishes.Should().Be(publishes);
        new TransferIndexPermissions(actor).Publishes.Should().Be(publishes);
    }

    [Fact]
    public void Nobody_signed_in_publishes()
    {
        new NoticePermissions(Anonymous).Publishes.Should().BeFalse();
        new TransferIndexPermissions(Anonymous).Publishes.Should().BeFalse();
    }
}
