using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Domain.Regions;
using AnqingTechTransfer.Web.Features.Administration.Users;

namespace AnqingTechTransfer.Web.IntegrationTests.Authorization;

/// <summary>Who may manage which account, as a table without HTTP (the grant table itself: D: RoleGrantTests).</summary>
public class UserPermissionsTests
{
    private static ManagedAccount Colleague(OrganizationKind kind, params string[] roles) =>
        new(TestActors.OtherUser, TestActors.OwnOrganization, kind, AnqingRegions.Huaining, roles);

    [Theory]
    // the manager's roles, is it its organization's admin, its status; the target's kind and roles; allowed
    [InlineData("Enterprise", true, OrganizationStatus.Active, OrganizationKind.Enterprise, "Enterprise", true)]
    [InlineData("Enterprise", false, OrganizationStatus.Active, OrganizationKind.Enterprise, "Enterprise", false)]
    [InlineData("Enterprise", true, OrganizationStatus.Suspended, OrganizationKind.Enterprise, "Enterprise", false)]
    [InlineData("University", true, OrganizationStatus.Active, OrganizationKind.University, "Expert", false)]
    [InlineData("University", true, OrganizationStatus.Active, OrganizationKind.University, "University,Expert", false)]
    [InlineData("Park", true, OrganizationStatus.Active, OrganizationKind.ParkCommittee, "Registrar", false)]
    [InlineData("County", true, OrganizationStatus.Active, OrganizationKind.CountyGovernment, "Leader", true)]
    [InlineData("Department", true, OrganizationStatus.Active, OrganizationKind.MunicipalDepartment, "Leader", false)]
    [InlineData("Bureau", true, OrganizationStatus.Active, OrganizationKind.MunicipalBureau, "Bureau", false)]
    [InlineData("BureauAdmin", true, OrganizationStatus.Active, OrganizationKind.University, "Expert", true)]
    [InlineData("BureauAdmin", true, OrganizationStatus.Suspended, OrganizationKind.University, "Expert", false)]
    public void Who_manages_which_account(string roles, bool organizationAdmin, OrganizationStatus status, OrganizationKind kind, string targetRoles, bool allowed)
    {
        var actor = TestActors.Of(roles, status, organizationAdmin: organizationAdmin);
        var account = Colleague(kind, targetRoles.Split(','));
        new UserPermissions(actor).Allows(UserPermissions.Manage, account).Should().Be(allowed);
    }

    [Fact]
    public void Nobody_manages_their_own_account_here()
    {
        var actor = TestActors.Of(PortalRoles.BureauAdmin, organizationAdmin: true);
        var self = new ManagedAccount(TestActors.User, TestActors.OwnOrganization, OrganizationKind.MunicipalBureau, AnqingRegions.City, [PortalRoles.BureauAdmin]);
        new UserPermissions(actor).WhyNotManage(self).Should().Contain("账户安全");
    }

    [Fact]
    public void Only_the_system_administrator_chooses_the_organization_and_sees_every_user()
    {
        new UserPermissions(TestActors.Of(PortalRoles.BureauAdmin, organizationAdmin: true)).ChoosesOrganization.Should().BeTrue();
        new UserPermissions(TestActors.Of(PortalRoles.Bureau, organizationAdmin: true)).SeesAllUsers.Should().BeFalse();
        new UserPermissions(TestActors.Of(PortalRoles.BureauAdmin, kind: OrganizationKind.MunicipalDepartment)).SeesAllUsers
            .Should().BeFalse("BureauAdmin outside the 市科技局 is not the system administrator");
    }
}
