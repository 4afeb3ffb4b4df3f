using System.Net;
using System.Text.RegularExpressions;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.IntegrationTests.Users;

public partial class UserManagementTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    [GeneratedRegex("初始密码：(\\S+?)（|临时密码：(\\S+?)（")]
    private static partial Regex OneTimePassword();

    private static async Task<string> FlashPasswordAsync(PortalClient client, string redirectTo)
    {
        var page = await client.GetPageAsync(redirectTo);
        var match = OneTimePassword().Match(page.QuerySelector("#flash-success")!.TextContent);
        return match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value;
    }

    [Fact]
    public async Task An_organization_admin_adds_a_user_who_must_change_the_one_time_password_at_first_sign_in()
    {
        var admin = await fx.As("ent.a");
        var response = await admin.PostFormAsync("/admin/users/new", new() { ["UserName"] = "ent.a.staff", ["DisplayName"] = "华宁员工", ["Roles"] = "Enterprise" });
        response.Headers.Location!.OriginalString.Should().Be("/admin/users");
        var password = await FlashPasswordAsync(admin, "/admin/users");

        var (organization, entA) = await fx.WithDbAsync(async (db, _) => (
            await db.Users.Where(u => u.UserName == "ent.a.staff").Select(u => u.OrganizationId).SingleAsync(),
            await db.Users.Where(u => u.UserName == "ent.a").Select(u => u.OrganizationId).SingleAsync()));
        organization.Should().Be(entA, "an organization admin adds users to their own organization only");

        using var staff = await fx.SignInAsync("ent.a.staff", password);
        (await staff.GetAsync("/workspace")).Headers.Location!.OriginalString.Should().Be("/account/password");
    }

    [Fact]
    public async Task An_organization_admin_cannot_give_roles_outside_their_kind_of_organization()
    {
        var admin = await fx.As("ent.a");
        var response = await admin.PostFormAsync("/admin/users/new", new() { ["UserName"] = "ent.a.boss", ["DisplayName"] = "越权", ["Roles"] = "Bureau" });
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        PortalClient.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("[data-valmsg-for=Roles]")!.TextContent.Should().Contain("不适用");
        (await fx.WithDbAsync((db, _) => db.Users.AnyAsync(u => u.UserName == "ent.a.boss"))).Should().BeFalse();
    }

    [Fact]
    public async Task An_organization_admin_cannot_touch_users_of_another_organization_and_nothing_changes()
    {
        var target = await fx.WithDbAsync((db, _) => db.Users.AsNoTracking().SingleAsync(u => u.UserName == "ent.b"));
        var admin = await fx.As("ent.a");

        foreach (var action in new[] { "disable", "reset-password" })
        {
            (await admin.PostFormAsync($"/admin/users/{target.Id}/{action}", [])).StatusCode.Should().Be(HttpStatusCode.NotFound);
        }

        (await admin.GetPageAsync("/admin/users")).QuerySelector("#user-table")!.TextContent.Should().NotContain("ent.b");
        var after = await fx.WithDbAsync((db, _) => db.Users.AsNoTracking().SingleAsync(u => u.UserName == "ent.b"));
        after.IsDisabled.Should().BeFalse();
        after.PasswordHash.Should().Be(target.PasswordHash);
        after.SecurityStamp.Should().Be(target.SecurityStamp);
    }

    [Fact]
    public async Task Disabling_a_user_ends_their_session_and_a_reset_password_must_be_changed()
    {
        var admin = await fx.As("univ.aqnu");
        await admin.PostFormAsync("/admin/users/new", new() { ["UserName"] = "aqnu.temp", ["DisplayName"] = "临时人员", ["Roles"] = "University" });
        var password = await FlashPasswordAsync(admin, "/admin/users");
        var id = await fx.WithDbAsync((db, _) => db.Users.Where(u => u.UserName == "aqnu.temp").Select(u => u.Id).SingleAsync());

        using var temp = await fx.SignInAsync("aqnu.temp", password);
        await admin.PostFormAsync($"/admin/users/{id}/disable", []);
        fx.Clock.Advance(TimeSpan.FromSeconds(61));
        PortalClient.IsLoginRedirect(await temp.GetAsync("/account/security")).Should().BeTrue();

        await admin.PostFormAsync($"/admin/users/{id}/enable", []);
        await admin.PostFormAsync($"/admin/users/{id}/reset-password", []);
        var reset = await FlashPasswordAsync(admin, "/admin/users");
        reset.Should().NotBe(password);
        using var again = await fx.SignInAsync("aqnu.temp", reset);
        (await again.GetAsync("/workspace")).Headers.Location!.OriginalString.Should().Be("/account/password");
    }

    [Fact]
    public async Task Only_a_bureau_admin_manages_bureau_admin_and_auditor_accounts()
    {
        await fx.WithDbAsync(async (db, services) =>
        {
            var users = services.GetRequiredService<UserManager<PortalUser>>();
            var bureau = await db.Users.Where(u => u.UserName == "bureau").Select(u => u.OrganizationId).SingleAsync();
            var orgAdmin = new PortalUser { UserName = "bureau.orgadmin", DisplayName = "科技局单位管理员", OrganizationId = bureau, IsOrganizationAdmin = true, PasswordChangedAt = DateTimeOffset.UtcNow };
            (await users.CreateAsync(orgAdmin, "Bureau#Org2026")).Succeeded.Should().BeTrue();
            await users.AddToRoleAsync(orgAdmin, "Bureau");
        });
        var target = await fx.WithDbAsync((db, _) => db.Users.AsNoTracking().SingleAsync(u => u.UserName == "bureau.admin"));
        using var orgAdminClient = await fx.SignInAsync("bureau.orgadmin", "Bureau#Org2026");

        (await orgAdminClient.PostFormAsync($"/admin/users/{target.Id}/reset-password", [])).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await orgAdminClient.PostFormAsync($"/admin/users/{target.Id}/disable", [])).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var after = await fx.WithDbAsync((db, _) => db.Users.AsNoTracking().SingleAsync(u => u.UserName == "bureau.admin"));
        after.PasswordHash.Should().Be(target.PasswordHash);
        after.IsDisabled.Should().BeFalse();
    }

    [Fact]
    public async Task Users_without_admin_rights_cannot_open_user_management()
    {
        (await (await fx.As("expert.a")).GetAsync("/admin/users")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_user_list_exports_to_excel_with_chinese_headers()
    {
        var admin = await fx.As("bureau.admin");
        var response = await admin.GetAsync("/admin/users/export");
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        rows.First().Keys.Should().Contain(["用户名", "姓名", "所属单位", "角色"]);
        rows.Select(r => r["用户名"]?.ToString()).Should().Contain(["ent.a", "bureau"]);
    }
}
