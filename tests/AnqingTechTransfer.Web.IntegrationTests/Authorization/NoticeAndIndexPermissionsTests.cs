using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Web.Features.Supervision.Notices;
using AnqingTechTransfer.Web.Features.Supervision.TransferIndex;
using static AnqingTechTransfer.Web.IntegrationTests.Authorization.PermissionActors;

namespace AnqingTechTransfer.Web.IntegrationTests.Authorization;

/// <summary>通知公告 and 科技成果转化指数: the bureau of an active organization publishes; a lead unit publishes notices on its own measures.</summary>
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

    /// <summary>A measure led by the actor's own organization ("own"), another organization ("other"), or by the 怀宁 region ("region").</summary>
    private static Domain.Supervision.PlanMeasure Measure(string lead) => Domain.Supervision.PlanMeasure.Create(7, "一", "任务", "内容", "牵头单位", "",
        lead switch { "own" => [Own], "other" => [Other], _ => [] }, lead == "region" ? [Huaining] : [], new DateOnly(2025, 12, 31), DateTimeOffset.UnixEpoch);

    [Theory]
    [InlineData(PortalRoles.Bureau, "Active", "other", true)]
    [InlineData(PortalRoles.Department, "Active", "own", true)]
    [InlineData(PortalRoles.Department, "Active", "other", false)]
    [InlineData(PortalRoles.Department, "Suspended", "own", false)]
    [InlineData(PortalRoles.County, "Active", "region", true)]
    [InlineData(PortalRoles.County, "Active", "other", false)]
    [InlineData(PortalRoles.Park, "Active", "region", true)]
    [InlineData(PortalRoles.Enterprise, "Active", "own", false)]
    [InlineData(PortalRoles.Leader, "Active", "own", false)]
    [InlineData(PortalRoles.BureauAdmin, "Active", "own", false)]
    public void A_lead_unit_publishes_on_its_own_measures(string role, string status, string lead, bool allowed) =>
        new NoticePermissions(Of(role, Status(status))).PublishesFor(Measure(lead)).Should().Be(allowed);

    [Theory]
    [InlineData(PortalRoles.Bureau, "other", true)]
    [InlineData(PortalRoles.Department, "own", true)]
    [InlineData(PortalRoles.Department, "other", false)]
    [InlineData(PortalRoles.Enterprise, "own", false)]
    public void The_bureau_or_the_publishing_lead_unit_withdraws(string role, string publisher, bool allowed) =>
        new NoticePermissions(Of(role)).Withdraws(Domain.Notices.Notice.Publish(Domain.Notices.NoticeKind.Notice, "通知", "正文", new DateOnly(2026, 6, 1), null, 0,
            new Domain.Contracts.WorkingDayCalendar([]), publisher == "own" ? Own : Other, DateTimeOffset.UnixEpoch)).Should().Be(allowed);

    [Fact]
    public void Nobody_signed_in_publishes()
    {
        new NoticePermissions(Anonymous).Publishes.Should().BeFalse();
        new TransferIndexPermissions(Anonymous).Publishes.Should().BeFalse();
    }
}
