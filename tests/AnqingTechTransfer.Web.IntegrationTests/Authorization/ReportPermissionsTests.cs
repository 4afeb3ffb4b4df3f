using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Domain.Regions;
using AnqingTechTransfer.Domain.Reports;
using AnqingTechTransfer.Web.Features.Supervision.Reports;
using static AnqingTechTransfer.Web.IntegrationTests.Authorization.PermissionActors;

namespace AnqingTechTransfer.Web.IntegrationTests.Authorization;

/// <summary>成果转化年度报告: actor (role, organization kind) × report (whose) → edits; and the page rights.</summary>
public class ReportPermissionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 9, 0, 0, TimeSpan.FromHours(8));

    private static TransferReport ReportOf(string unit) =>
        TransferReport.Start(unit == "own" ? Own : Other, "安庆师范大学", "340811", 2025, 2026, TransferFigures.Zero, Now);

    [Theory]
    [InlineData(PortalRoles.University, "Active", OrganizationKind.University, "own", true)]
    [InlineData(PortalRoles.University, "Active", OrganizationKind.ResearchInstitute, "own", true)]
    [InlineData(PortalRoles.University, "Active", OrganizationKind.University, "other", false)]
    [InlineData(PortalRoles.University, "Suspended", OrganizationKind.University, "own", false)]
    [InlineData(PortalRoles.University, "Pending", OrganizationKind.University, "own", false)]
    // A University user of another kind of organization does not file the universities' report.
    [InlineData(PortalRoles.University, "Active", OrganizationKind.Enterprise, "own", false)]
    [InlineData(PortalRoles.Expert, "Active", OrganizationKind.University, "own", false)]
    [InlineData(PortalRoles.Bureau, "Active", OrganizationKind.MunicipalBureau, "own", false)]
    public void Editing_is_for_the_reporting_unit(string role, string status, OrganizationKind kind, string unit, bool allowed) =>
        new ReportPermissions(Of(role, Status(status), kind: kind)).Allows(ReportPermissions.Edit, ReportOf(unit)).Should().Be(allowed);

    [Theory]
    // role, status, region → files, reviews, sees the city summary
    [InlineData(PortalRoles.University, "Active", Huaining, true, false, false)]
    [InlineData(PortalRoles.University, "Suspended", Huaining, false, false, false)]
    [InlineData(PortalRoles.Bureau, "Active", AnqingRegions.City, false, true, true)]
    [InlineData(PortalRoles.Bureau, "Suspended", AnqingRegions.City, false, false, false)]
    [InlineData(PortalRoles.BureauAdmin, "Active", AnqingRegions.City, false, false, true)]
    [InlineData(PortalRoles.BureauAdmin, "Suspended", AnqingRegions.City, false, false, false)]
    [InlineData(PortalRoles.Leader, "Active", AnqingRegions.City, false, false, true)]
    [InlineData(PortalRoles.Leader, "Suspended", AnqingRegions.City, false, false, false)]
    [InlineData(PortalRoles.Leader, "Active", Huaining, false, false, false)]
    [InlineData(PortalRoles.County, "Active", Huaining, false, false, false)]
    public void Page_rights(string role, string status, string region, bool files, bool reviews, bool seesSummary)
    {
        var permissions = new ReportPermissions(Of(role, Status(status), region));
        permissions.Files.Should().Be(files);
        permissions.Reviews.Should().Be(reviews);
        permissions.SeesSummary.Should().Be(seesSummary);
    }
}
