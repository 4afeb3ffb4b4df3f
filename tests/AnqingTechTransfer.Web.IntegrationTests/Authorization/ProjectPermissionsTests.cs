using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Domain.Regions;
using AnqingTechTransfer.Web.Features.Projects;
using static AnqingTechTransfer.Web.IntegrationTests.Authorization.TestActors;

namespace AnqingTechTransfer.Web.IntegrationTests.Authorization;

/// <summary>市科技计划项目: who may do what, as a table (actor × operation × record → allowed), without HTTP.</summary>
public class ProjectPermissionsTests
{
    private const OrganizationStatus Active = OrganizationStatus.Active;
    private const OrganizationStatus Suspended = OrganizationStatus.Suspended;
    private const OrganizationStatus Pending = OrganizationStatus.Pending;

    [Theory]
    // The bureau runs the plan; county, park, applicants and everyone else do not.
    [InlineData(PortalRoles.Bureau, Active, "ManagesPlan", true)]
    [InlineData(PortalRoles.Bureau, Suspended, "ManagesPlan", false)]
    [InlineData(PortalRoles.BureauAdmin, Active, "ManagesPlan", false)]
    [InlineData(PortalRoles.County, Active, "ManagesPlan", false)]
    [InlineData(PortalRoles.Leader, Active, "ManagesPlan", false)]
    // Enterprises and universities apply; agencies do not.
    [InlineData(PortalRoles.Enterprise, Active, "MayApply", true)]
    [InlineData(PortalRoles.University, Active, "MayApply", true)]
    [InlineData(PortalRoles.University, Pending, "MayApply", false)]
    [InlineData(PortalRoles.Enterprise, Suspended, "MayApply", false)]
    [InlineData(PortalRoles.Agency, Active, "MayApply", false)]
    [InlineData(PortalRoles.Bureau, Active, "MayApply", false)]
    // Counties and parks screen; the bureau does not screen (it checks formally).
    [InlineData(PortalRoles.County, Active, "MayScreen", true)]
    [InlineData(PortalRoles.Park, Active, "MayScreen", true)]
    [InlineData(PortalRoles.Park, Suspended, "MayScreen", false)]
    [InlineData(PortalRoles.Bureau, Active, "MayScreen", false)]
    // Only enterprises propose problems.
    [InlineData(PortalRoles.Enterprise, Active, "MayPropose", true)]
    [InlineData(PortalRoles.Enterprise, Pending, "MayPropose", false)]
    [InlineData(PortalRoles.University, Active, "MayPropose", false)]
    // The lists.
    [InlineData(PortalRoles.University, Active, "ReadsApplications", true)]
    [InlineData(PortalRoles.County, Active, "ReadsApplications", true)]
    [InlineData(PortalRoles.Bureau, Active, "ReadsApplications", true)]
    [InlineData(PortalRoles.Bureau, Suspended, "ReadsApplications", false)]
    [InlineData(PortalRoles.Leader, Active, "ReadsApplications", false)]
    [InlineData(PortalRoles.BureauAdmin, Active, "ReadsApplications", false)]
    [InlineData(PortalRoles.Enterprise, Active, "ReadsProblems", true)]
    [InlineData(PortalRoles.University, Active, "ReadsProblems", false)]
    [InlineData(PortalRoles.Park, Active, "ReadsProblems", true)]
    [InlineData(PortalRoles.County, Pending, "ReadsProblems", false)]
    [InlineData(PortalRoles.Enterprise, Active, "ReadsAwarded", true)]
    [InlineData(PortalRoles.County, Active, "ReadsAwarded", true)]
    [InlineData(PortalRoles.Leader, Active, "ReadsAwarded", false)]
    [InlineData(PortalRoles.Enterprise, Suspended, "ReadsAwarded", false)]
    // The figures: the bureau, leaders and the municipal departments.
    [InlineData(PortalRoles.Bureau, Active, "ReadsFigures", true)]
    [InlineData(PortalRoles.Leader, Active, "ReadsFigures", true)]
    [InlineData(PortalRoles.Department, Active, "ReadsFigures", true)]
    [InlineData(PortalRoles.Department, Suspended, "ReadsFigures", false)]
    [InlineData(PortalRoles.County, Active, "ReadsFigures", false)]
    [InlineData(PortalRoles.Enterprise, Active, "ReadsFigures", false)]
    public void Page_rights(string role, OrganizationStatus status, string right, bool allowed)
    {
        var p = new ProjectPermissions(Of(role, status));
        var actual = right switch
        {
            "ManagesPlan" => p.ManagesPlan,
            "MayApply" => p.MayApply,
            "MayScreen" => p.MayScreen,
            "MayPropose" => p.MayPropose,
            "ReadsApplications" => p.ReadsApplications,
            "ReadsProblems" => p.ReadsProblems,
            "ReadsAwarded" => p.ReadsAwarded,
            "ReadsFigures" => p.ReadsFigures,
            _ => throw new ArgumentOutOfRangeException(nameof(right)),
        };
        actual.Should().Be(allowed);
    }

    public enum Whose { Own, Others, OwnRegion, OtherRegion, PostedByMe }

    [Theory]
    // Editing (and attaching, submitting): the applicant's own organization, as an enterprise or university.
    [InlineData(PortalRoles.Enterprise, Active, "Edit", Whose.Own, true)]
    [InlineData(PortalRoles.University, Active, "Edit", Whose.Own, true)]
    [InlineData(PortalRoles.Enterprise, Suspended, "Edit", Whose.Own, false)]
    [InlineData(PortalRoles.University, Pending, "Edit", Whose.Own, false)]
    [InlineData(PortalRoles.Enterprise, Active, "Edit", Whose.Others, false)]
    [InlineData(PortalRoles.Agency, Active, "Edit", Whose.Own, false)]
    [InlineData(PortalRoles.Bureau, Active, "Edit", Whose.Own, false)]
    // Recommending: the county or park of the application's region.
    [InlineData(PortalRoles.County, Active, "Recommend", Whose.OwnRegion, true)]
    [InlineData(PortalRoles.Park, Active, "Recommend", Whose.OwnRegion, true)]
    [InlineData(PortalRoles.County, Suspended, "Recommend", Whose.OwnRegion, false)]
    [InlineData(PortalRoles.County, Active, "Recommend", Whose.OtherRegion, false)]
    [InlineData(PortalRoles.Bureau, Active, "Recommend", Whose.OwnRegion, false)]
    [InlineData(PortalRoles.Enterprise, Active, "Recommend", Whose.OwnRegion, false)]
    // The 发榜方's opinion: the enterprise that posted the problem.
    [InlineData(PortalRoles.Enterprise, Active, "GiveOpinion", Whose.PostedByMe, true)]
    [InlineData(PortalRoles.Enterprise, Suspended, "GiveOpinion", Whose.PostedByMe, false)]
    [InlineData(PortalRoles.Enterprise, Active, "GiveOpinion", Whose.Own, false)]
    [InlineData(PortalRoles.University, Active, "GiveOpinion", Whose.PostedByMe, false)]
    public void Applications(string role, OrganizationStatus status, string operation, Whose whose, bool allowed)
    {
        var application = TestRecords.Make<ProjectApplication>(("OrganizationId", whose == Whose.Own ? OwnOrganization : OtherOrganization),
            ("RegionCode", whose == Whose.OtherRegion ? AnqingRegions.City : AnqingRegions.Huaining),
            ("PosterOrganizationId", whose == Whose.PostedByMe ? OwnOrganization : (Guid?)OtherOrganization));
        var op = operation switch
        {
            "Edit" => ProjectPermissions.Edit,
            "Recommend" => ProjectPermissions.Recommend,
            "GiveOpinion" => ProjectPermissions.GiveOpinion,
            _ => throw new ArgumentOutOfRangeException(nameof(operation)),
        };

        new ProjectPermissions(Of(role, status)).Allows(op, application).Should().Be(allowed);
    }

    [Theory]
    [InlineData(PortalRoles.County, Active, Whose.OwnRegion, true)]
    [InlineData(PortalRoles.Park, Active, Whose.OwnRegion, true)]
    [InlineData(PortalRoles.Park, Pending, Whose.OwnRegion, false)]
    [InlineData(PortalRoles.County, Suspended, Whose.OwnRegion, false)]
    [InlineData(PortalRoles.County, Active, Whose.OtherRegion, false)]
    [InlineData(PortalRoles.Bureau, Active, Whose.OwnRegion, false)]
    [InlineData(PortalRoles.Enterprise, Active, Whose.OwnRegion, false)]
    public void Screening_a_problem(string role, OrganizationStatus status, Whose whose, bool allowed)
    {
        var problem = TestRecords.Make<Problem>(("OrganizationId", OtherOrganization),
            ("RegionCode", whose == Whose.OtherRegion ? AnqingRegions.City : AnqingRegions.Huaining));

        new ProjectPermissions(Of(role, status)).Allows(ProjectPermissions.Screen, problem).Should().Be(allowed);
    }

    [Theory]
    // Reports and change requests: the organization carrying the project.
    [InlineData(PortalRoles.Enterprise, Active, "Carry", Whose.Own, true)]
    [InlineData(PortalRoles.University, Active, "Carry", Whose.Own, true)]
    [InlineData(PortalRoles.University, Suspended, "Carry", Whose.Own, false)]
    [InlineData(PortalRoles.Enterprise, Active, "Carry", Whose.Others, false)]
    [InlineData(PortalRoles.Bureau, Active, "Carry", Whose.Own, false)]
    [InlineData(PortalRoles.County, Active, "Carry", Whose.Own, false)]
    // The three-party agreement: the enterprise that posted the problem.
    [InlineData(PortalRoles.Enterprise, Active, "Sign", Whose.PostedByMe, true)]
    [InlineData(PortalRoles.Enterprise, Pending, "Sign", Whose.PostedByMe, false)]
    [InlineData(PortalRoles.Enterprise, Active, "Sign", Whose.Own, false)]
    [InlineData(PortalRoles.University, Active, "Sign", Whose.PostedByMe, false)]
    [InlineData(PortalRoles.Bureau, Active, "Sign", Whose.PostedByMe, false)]
    public void Awarded_projects(string role, OrganizationStatus status, string operation, Whose whose, bool allowed)
    {
        var project = TestRecords.Make<Project>(("OrganizationId", whose == Whose.Own ? OwnOrganization : OtherOrganization), ("RegionCode", AnqingRegions.Huaining),
            ("PosterOrganizationId", whose == Whose.PostedByMe ? OwnOrganization : (Guid?)null));
        var op = operation == "Carry" ? ProjectPermissions.Carry : ProjectPermissions.Sign;

        new ProjectPermissions(Of(role, status)).Allows(op, project).Should().Be(allowed);
    }

    [Fact]
    public void An_operation_of_another_record_allows_nothing()
    {
        var p = new ProjectPermissions(Of(PortalRoles.Enterprise));
        var own = TestRecords.Make<Project>(("OrganizationId", OwnOrganization), ("PosterOrganizationId", (Guid?)OwnOrganization));

        p.Allows(ProjectPermissions.Edit, own).Should().BeFalse();
        p.Allows(ProjectPermissions.Carry, TestRecords.Make<ProjectApplication>(("OrganizationId", OwnOrganization))).Should().BeFalse();
    }
}
