using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Regions;
using AnqingTechTransfer.Web.Features.Shared;
using static AnqingTechTransfer.Web.IntegrationTests.Authorization.PermissionActors;

namespace AnqingTechTransfer.Web.IntegrationTests.Authorization;

/// <summary>The navigation and the workspace: actor × module → shown; where a user lands.</summary>
public class NavigationPermissionsTests
{
    private static PortalModule Module(string url) => PortalModules.All.Single(m => m.Url == url);

    [Theory]
    [InlineData(PortalRoles.Bureau, "Active", false, "/cockpit", true)]
    [InlineData(PortalRoles.Bureau, "Active", false, "/notices", true)]
    [InlineData(PortalRoles.Bureau, "Active", false, "/reviews", false)]
    [InlineData(PortalRoles.Bureau, "Suspended", false, "/cockpit", false)]
    [InlineData(PortalRoles.Bureau, "Suspended", false, "/messages", false)]
    [InlineData(PortalRoles.Enterprise, "Active", false, "/enterprises", true)]
    [InlineData(PortalRoles.Enterprise, "Active", false, "/cockpit", false)]
    [InlineData(PortalRoles.Enterprise, "Active", false, "/messages", true)]
    [InlineData(PortalRoles.Enterprise, "Pending", true, "/enterprises", false)]
    [InlineData(PortalRoles.Enterprise, "Pending", true, "/messages", false)]
    [InlineData(PortalRoles.Enterprise, "Pending", true, "/admin/users", false)]
    // Users: the bureau's admin and every organization admin.
    [InlineData(PortalRoles.Enterprise, "Active", true, "/admin/users", true)]
    [InlineData(PortalRoles.Enterprise, "Active", false, "/admin/users", false)]
    [InlineData(PortalRoles.BureauAdmin, "Active", false, "/admin/users", true)]
    [InlineData(PortalRoles.BureauAdmin, "Active", false, "/admin/code-tables", true)]
    [InlineData(PortalRoles.BureauAdmin, "Active", false, "/admin/audit", false)]
    [InlineData(PortalRoles.Auditor, "Active", false, "/admin/audit", true)]
    [InlineData(PortalRoles.SecurityAdmin, "Active", false, "/admin/security", true)]
    [InlineData(PortalRoles.Expert, "Active", false, "/reviews", true)]
    [InlineData(PortalRoles.Bank, "Active", false, "/finance", true)]
    [InlineData(PortalRoles.Department, "Active", false, "/infringers", true)]
    [InlineData(PortalRoles.Leader, "Active", false, "/cockpit", true)]
    [InlineData(PortalRoles.Leader, "Suspended", false, "/cockpit", false)]
    public void Modules(string role, string status, bool organizationAdmin, string url, bool shown)
    {
        var navigation = new NavigationPermissions(Of(role, Status(status), organizationAdmin: organizationAdmin));
        navigation.Sees(Module(url)).Should().Be(shown);
        navigation.Modules.Contains(Module(url)).Should().Be(shown);
    }

    [Theory]
    [InlineData("Active", true)]
    [InlineData("Pending", false)]
    [InlineData("Suspended", false)]
    [InlineData("Rejected", false)]
    public void An_organization_not_active_is_shown_no_module(string status, bool shows)
    {
        var navigation = new NavigationPermissions(Of(PortalRoles.Enterprise, Status(status), organizationAdmin: true));
        navigation.ShowsModules.Should().Be(shows);
        (navigation.Modules.Count > 0).Should().Be(shows);
    }

    [Theory]
    [InlineData(new[] { PortalRoles.Leader }, "Active", true)]
    // A leader of an organization not active stays on the workspace (the gate would send the cockpit back there).
    [InlineData(new[] { PortalRoles.Leader }, "Suspended", false)]
    [InlineData(new[] { PortalRoles.Leader, PortalRoles.Bureau }, "Active", false)]
    [InlineData(new[] { PortalRoles.Bureau }, "Active", false)]
    public void Leaders_land_on_their_cockpit(string[] roles, string status, bool lands) =>
        new NavigationPermissions(Of(roles, Status(status), AnqingRegions.City)).LandsOnCockpit.Should().Be(lands);

    [Fact]
    public void Nobody_signed_in_is_shown_no_module() => new NavigationPermissions(Anonymous).Modules.Should().BeEmpty();
}
