using AnqingTechTransfer.Domain.Identity;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Domain.Regions;

namespace AnqingTechTransfer.Domain.Tests;

public class RoleGrantTests
{
    private static readonly Guid Own = Guid.NewGuid();

    private static GrantingActor AdminOf(OrganizationKind kind, string region) => new(false, true, Own, kind, region);

    private static GrantTarget Colleague(OrganizationKind kind, string region) => new(Own, kind, region);

    private static readonly GrantingActor SystemAdmin = new(true, true, Guid.NewGuid(), OrganizationKind.MunicipalBureau, AnqingRegions.City);

    /// <summary>
    /// For the admin of every organization kind: the roles it may give its own colleagues. Everything else is refused,
    /// above all a reach wider than the organization's own (city scope, duties of the bureau, the three administrators).
    /// </summary>
    public static TheoryData<OrganizationKind, string, string[]> OrganizationAdmins => new()
    {
        { OrganizationKind.MunicipalBureau, AnqingRegions.City, [] },
        { OrganizationKind.MunicipalDepartment, AnqingRegions.City, [PortalRoles.Department] },
        { OrganizationKind.CountyGovernment, AnqingRegions.Huaining, [PortalRoles.County, PortalRoles.Leader] },
        { OrganizationKind.ParkCommittee, AnqingRegions.HighTechZone, [PortalRoles.Park, PortalRoles.Leader] },
        { OrganizationKind.University, "340811", [PortalRoles.University] },
        { OrganizationKind.ResearchInstitute, AnqingRegions.HighTechZone, [PortalRoles.University] },
        { OrganizationKind.Enterprise, AnqingRegions.Huaining, [PortalRoles.Enterprise] },
        { OrganizationKind.TransferAgency, "340802", [PortalRoles.Agency] },
        { OrganizationKind.ServiceAgency, AnqingRegions.City, [PortalRoles.Agency] },
        { OrganizationKind.Bank, "340802", [PortalRoles.Bank] },
    };

    [Theory]
    [MemberData(nameof(OrganizationAdmins))]
    public void An_organization_admin_grants_its_own_staff_no_reach_wider_than_its_own(OrganizationKind kind, string region, string[] expected)
    {
        RoleGrants.GrantableBy(AdminOf(kind, region), Colleague(kind, region)).Should().BeEquivalentTo(expected);
        foreach (var role in PortalRoles.All.Except(expected))
        {
            RoleGrants.Check(AdminOf(kind, region), role, Colleague(kind, region)).Should().NotBeNull($"{kind} must not grant {role}");
        }
    }

    [Fact]
    public void A_department_admin_in_the_city_cannot_make_a_leader_because_that_leader_would_see_the_whole_city()
    {
        var jxj = AdminOf(OrganizationKind.MunicipalDepartment, AnqingRegions.City);
        RoleGrants.Check(jxj, PortalRoles.Leader, Colleague(OrganizationKind.MunicipalDepartment, AnqingRegions.City))
            .Should().Contain("市科技局系统管理员");
        RoleGrants.ReachOf(PortalRoles.Leader, Colleague(OrganizationKind.MunicipalDepartment, AnqingRegions.City)).Should().Be(RoleReach.City);
        RoleGrants.ReachOf(PortalRoles.Leader, Colleague(OrganizationKind.CountyGovernment, AnqingRegions.Huaining)).Should().Be(RoleReach.Region);
    }

    [Fact]
    public void Nobody_grants_to_another_organizations_user_but_the_bureau_system_admin()
    {
        var county = AdminOf(OrganizationKind.CountyGovernment, AnqingRegions.Huaining);
        var elsewhere = new GrantTarget(Guid.NewGuid(), OrganizationKind.CountyGovernment, AnqingRegions.Huaining);
        RoleGrants.Check(county, PortalRoles.County, elsewhere).Should().Be("只能为本单位用户分配角色");
        RoleGrants.Check(SystemAdmin, PortalRoles.County, elsewhere).Should().BeNull();
    }

    [Theory]
    [InlineData(PortalRoles.Expert, OrganizationKind.University)]
    [InlineData(PortalRoles.Registrar, OrganizationKind.ParkCommittee)]
    [InlineData(PortalRoles.Registrar, OrganizationKind.ServiceAgency)]
    [InlineData(PortalRoles.Bureau, OrganizationKind.MunicipalBureau)]
    [InlineData(PortalRoles.Auditor, OrganizationKind.MunicipalBureau)]
    public void Duties_and_city_roles_are_the_bureau_system_admins_to_give(string role, OrganizationKind kind)
    {
        var target = Colleague(kind, AnqingRegions.HighTechZone);
        RoleGrants.Check(AdminOf(kind, AnqingRegions.HighTechZone), role, target).Should().Contain("市科技局系统管理员");
        RoleGrants.Check(SystemAdmin, role, target).Should().BeNull();
    }

    [Fact]
    public void A_role_is_refused_for_a_kind_of_organization_it_does_not_fit_even_by_the_system_admin()
    {
        RoleGrants.Check(SystemAdmin, PortalRoles.Bank, new GrantTarget(Guid.NewGuid(), OrganizationKind.Enterprise, AnqingRegions.Huaining))
            .Should().Contain("不适用于企业");
        RoleGrants.Check(SystemAdmin, PortalRoles.BureauAdmin, new GrantTarget(Guid.NewGuid(), OrganizationKind.University, "340811"))
            .Should().NotBeNull();
    }

    [Theory]
    [InlineData("Expert", false)]
    [InlineData("University,Expert", false)]
    [InlineData("University", true)]
    public void An_organization_admin_manages_a_colleague_only_if_it_could_have_granted_every_role(string held, bool allowed)
    {
        var roles = held.Split(',');
        var admin = AdminOf(OrganizationKind.ResearchInstitute, AnqingRegions.HighTechZone);
        var decision = RoleGrants.CheckManage(admin, Colleague(OrganizationKind.ResearchInstitute, AnqingRegions.HighTechZone), roles);
        if (allowed)
        {
            decision.Should().BeNull();
        }
        else
        {
            decision.Should().Contain("评审专家").And.Contain("市科技局系统管理员");
        }
    }

    [Fact]
    public void A_park_admin_cannot_manage_the_registrar_of_its_point_nor_a_county_its_city_leader()
    {
        var park = AdminOf(OrganizationKind.ParkCommittee, AnqingRegions.HighTechZone);
        RoleGrants.CheckManage(park, Colleague(OrganizationKind.ParkCommittee, AnqingRegions.HighTechZone), [PortalRoles.Registrar]).Should().NotBeNull();
        RoleGrants.CheckManage(park, Colleague(OrganizationKind.ParkCommittee, AnqingRegions.HighTechZone), [PortalRoles.Leader]).Should().BeNull();
        RoleGrants.CheckManage(SystemAdmin, Colleague(OrganizationKind.ParkCommittee, AnqingRegions.HighTechZone), [PortalRoles.Registrar]).Should().BeNull();
    }

    [Theory]
    [InlineData("BureauAdmin,Auditor")]
    [InlineData("SecurityAdmin,Auditor")]
    [InlineData("BureauAdmin,SecurityAdmin,Bureau")]
    public void The_three_administrators_never_meet_on_one_account(string roles) =>
        RoleGrants.CheckSeparation(roles.Split(',')).Should().StartWith("三权分立");

    [Fact]
    public void One_administrator_role_with_business_roles_is_allowed() =>
        RoleGrants.CheckSeparation([PortalRoles.BureauAdmin, PortalRoles.Bureau]).Should().BeNull();

    [Fact]
    public void Every_role_has_exactly_one_row() =>
        RoleGrants.Table.Select(r => r.Role).Should().BeEquivalentTo(PortalRoles.All).And.OnlyHaveUniqueItems();
}
