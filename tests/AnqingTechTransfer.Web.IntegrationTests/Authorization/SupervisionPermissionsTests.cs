using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Domain.Supervision;
using AnqingTechTransfer.Web.Features.Supervision;
using static AnqingTechTransfer.Web.IntegrationTests.Authorization.PermissionActors;

namespace AnqingTechTransfer.Web.IntegrationTests.Authorization;

/// <summary>任务督办: actor × measure (led by which organization or region) → reports; actor × report → revises; the bureau reviews.</summary>
public class SupervisionPermissionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 9, 0, 0, TimeSpan.FromHours(8));

    /// <summary>A measure led by "own" or "other" organization, or by the county or park of a region.</summary>
    private static PlanMeasure MeasureLedBy(string lead) => PlanMeasure.Create(7, "二", "推进成果转化", "内容", "牵头", string.Empty,
        lead switch { "own" => [Own], "other" => [Other], _ => [] }, lead is "own" or "other" ? [] : [lead], new DateOnly(2026, 12, 31), Now);

    [Theory]
    // A department (or the bureau) leads by organization.
    [InlineData(PortalRoles.Department, "Active", Huaining, "own", true)]
    [InlineData(PortalRoles.Department, "Active", Huaining, "other", false)]
    [InlineData(PortalRoles.Department, "Suspended", Huaining, "own", false)]
    [InlineData(PortalRoles.Department, "Pending", Huaining, "own", false)]
    [InlineData(PortalRoles.Bureau, "Active", Huaining, "own", true)]
    [InlineData(PortalRoles.Bureau, "Suspended", Huaining, "own", false)]
    // A county or park leads by region.
    [InlineData(PortalRoles.County, "Active", Huaining, Huaining, true)]
    [InlineData(PortalRoles.County, "Active", Qianshan, Huaining, false)]
    [InlineData(PortalRoles.County, "Suspended", Huaining, Huaining, false)]
    [InlineData(PortalRoles.Park, "Active", Huaining, Huaining, true)]
    // A department in the region is not its county.
    [InlineData(PortalRoles.Department, "Active", Huaining, Huaining, false)]
    // Others never lead, even when their organization is named.
    [InlineData(PortalRoles.Leader, "Active", Huaining, "own", false)]
    [InlineData(PortalRoles.BureauAdmin, "Active", Huaining, "own", false)]
    [InlineData(PortalRoles.Enterprise, "Active", Huaining, "own", false)]
    public void Reporting_is_for_the_lead_units(string role, string status, string region, string lead, bool allowed) =>
        new SupervisionPermissions(Of(role, Status(status), region)).Allows(SupervisionPermissions.Report, MeasureLedBy(lead)).Should().Be(allowed);

    [Theory]
    [InlineData(PortalRoles.Department, "Active", "own", true)]
    [InlineData(PortalRoles.Department, "Active", "other", false)]
    [InlineData(PortalRoles.Department, "Suspended", "own", false)]
    [InlineData(PortalRoles.Leader, "Active", "own", false)]
    public void A_unit_revises_its_own_report(string role, string status, string unit, bool allowed)
    {
        var reporter = unit == "own" ? Own : Other;
        var report = MeasureReport.File(MeasureLedBy(unit), reporter, "市经信局", OrganizationKind.MunicipalDepartment, Huaining, new ReportingPeriod(2026, 1),
            new DateOnly(2026, 4, 5), "已完成", [], Now);
        new SupervisionPermissions(Of(role, Status(status))).Revises(report).Should().Be(allowed);
    }

    [Theory]
    // role, status → reviews, acts as a lead unit
    [InlineData(PortalRoles.Bureau, "Active", true, true)]
    [InlineData(PortalRoles.Bureau, "Suspended", false, false)]
    [InlineData(PortalRoles.Department, "Active", false, true)]
    [InlineData(PortalRoles.County, "Active", false, true)]
    [InlineData(PortalRoles.County, "Pending", false, false)]
    [InlineData(PortalRoles.Leader, "Active", false, false)]
    [InlineData(PortalRoles.BureauAdmin, "Active", false, false)]
    public void Page_rights(string role, string status, bool reviews, bool actsAsLead)
    {
        var permissions = new SupervisionPermissions(Of(role, Status(status)));
        permissions.Reviews.Should().Be(reviews);
        permissions.ActsAsLead.Should().Be(actsAsLead);
    }
}
