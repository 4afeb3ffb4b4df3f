using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Experts;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Web.Features.Experts;
using AnqingTechTransfer.Web.Features.Experts.Panels;
using AnqingTechTransfer.Web.Features.Experts.Reviews;
using static AnqingTechTransfer.Web.IntegrationTests.Authorization.TestActors;

namespace AnqingTechTransfer.Web.IntegrationTests.Authorization;

/// <summary>评审专家库, 评审组 and 我的评审: who may do what, as tables, without HTTP.</summary>
public class ExpertPermissionsTests
{
    private const OrganizationStatus Active = OrganizationStatus.Active;
    private const OrganizationStatus Suspended = OrganizationStatus.Suspended;
    private const OrganizationStatus Pending = OrganizationStatus.Pending;

    [Theory]
    [InlineData(PortalRoles.Bureau, Active, true, true, false, true, false)]
    [InlineData(PortalRoles.Bureau, Suspended, false, false, false, false, false)]
    [InlineData(PortalRoles.County, Active, false, true, false, true, false)]
    [InlineData(PortalRoles.Park, Active, false, true, false, true, false)]
    [InlineData(PortalRoles.Park, Pending, false, false, false, false, false)]
    [InlineData(PortalRoles.Expert, Active, false, false, true, true, true)]
    [InlineData(PortalRoles.Expert, Suspended, false, false, false, false, false)]
    [InlineData("County,Expert", Active, false, true, true, true, false)]
    [InlineData(PortalRoles.BureauAdmin, Active, false, false, false, false, false)]
    [InlineData(PortalRoles.Enterprise, Active, false, false, false, false, false)]
    [InlineData(PortalRoles.Leader, Active, false, false, false, false, false)]
    public void Pool_rights(string role, OrganizationStatus status, bool managesPool, bool mayRecommend, bool isExpert, bool mayApply, bool appliesForSelf)
    {
        var p = new ExpertPermissions(Of(role, status));

        (p.ManagesPool, p.MayRecommend, p.IsExpert, p.MayApply, p.AppliesForSelf).Should().Be((managesPool, mayRecommend, isExpert, mayApply, appliesForSelf));
    }

    public enum Whose { Own, RecommendedByMe, Others }

    [Theory]
    // The bureau reads, unmasks and edits every record.
    [InlineData(PortalRoles.Bureau, Active, Whose.Others, ExpertStatus.Active, true, true, true)]
    [InlineData(PortalRoles.Bureau, Suspended, Whose.Others, ExpertStatus.Active, false, false, false)]
    // The expert: their own record, not after removal for editing.
    [InlineData(PortalRoles.Expert, Active, Whose.Own, ExpertStatus.Active, true, true, true)]
    [InlineData(PortalRoles.Expert, Active, Whose.Own, ExpertStatus.Removed, true, true, false)]
    [InlineData(PortalRoles.Expert, Suspended, Whose.Own, ExpertStatus.Active, false, false, false)]
    [InlineData(PortalRoles.Expert, Active, Whose.Others, ExpertStatus.Active, false, false, false)]
    // The recommending county or park reads (masked) what it recommended, nothing more.
    [InlineData(PortalRoles.County, Active, Whose.RecommendedByMe, ExpertStatus.Applied, true, false, false)]
    [InlineData(PortalRoles.Park, Active, Whose.RecommendedByMe, ExpertStatus.Active, true, false, false)]
    [InlineData(PortalRoles.County, Pending, Whose.RecommendedByMe, ExpertStatus.Applied, false, false, false)]
    [InlineData(PortalRoles.County, Active, Whose.Others, ExpertStatus.Active, false, false, false)]
    [InlineData(PortalRoles.Enterprise, Active, Whose.RecommendedByMe, ExpertStatus.Active, false, false, false)]
    public void Expert_records(string role, OrganizationStatus status, Whose whose, ExpertStatus state, bool read, bool reveal, bool edit)
    {
        var expert = TestRecords.Make<Expert>(("UserId", whose == Whose.Own ? User : (Guid?)OtherUser), ("Status", state),
            ("RecommendedByOrganizationId", whose == Whose.RecommendedByMe ? OwnOrganization : (Guid?)null));
        var p = new ExpertPermissions(Of(role, status));

        (p.Allows(ExpertPermissions.Read, expert), p.Allows(ExpertPermissions.Reveal, expert), p.Allows(ExpertPermissions.Edit, expert))
            .Should().Be((read, reveal, edit));
    }

    [Theory]
    [InlineData(PortalRoles.Bureau, Active, false, true, true)]
    [InlineData(PortalRoles.Bureau, Active, true, true, false)]
    [InlineData(PortalRoles.Bureau, Suspended, false, false, false)]
    [InlineData(PortalRoles.Bureau, Pending, false, false, false)]
    [InlineData(PortalRoles.BureauAdmin, Active, false, false, false)]
    [InlineData(PortalRoles.County, Active, false, false, false)]
    [InlineData(PortalRoles.Expert, Active, false, false, false)]
    public void Panels(string role, OrganizationStatus status, bool recused, bool managesPanels, bool runs)
    {
        var panel = TestRecords.Make<ReviewPanel>(("RecusedUserIds", recused ? new List<Guid> { User } : new List<Guid> { OtherUser }));
        var p = new PanelPermissions(Of(role, status));

        (p.ManagesPanels, p.Allows(PanelPermissions.Run, panel), p.HasRecused(panel)).Should().Be((managesPanels, runs, recused));
    }

    [Theory]
    [InlineData(PortalRoles.Expert, Active, true)]
    [InlineData(PortalRoles.Expert, Suspended, false)]
    [InlineData(PortalRoles.Expert, Pending, false)]
    [InlineData(PortalRoles.Bureau, Active, false)]
    [InlineData(PortalRoles.University, Active, false)]
    public void Reviews(string role, OrganizationStatus status, bool reviews) =>
        new ReviewPermissions(Of(role, status)).Reviews.Should().Be(reviews);
}
