using System.Net;
using System.Text.RegularExpressions;
using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Web.Data.Seed;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.IntegrationTests.Users;

/// <summary>Issue 20: nobody grants a reach wider than their own, duty holders are the bureau's, 三权分立 holds on accounts.</summary>
public partial class GrantEscalationTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    [GeneratedRegex("初始密码：(\\S+?)（|临时密码：(\\S+?)（")]
    private static partial Regex OneTimePassword();

    /// <summary>What the admin of each kind of organization may give its own staff (RoleGrants); every other role is refused.</summary>
    public static TheoryData<string, string[]> Admins => new()
    {
        { "dept.jxj", [PortalRoles.Department] },
        { "county.huaining", [PortalRoles.County, PortalRoles.Leader] },
        { "park.gxq", [PortalRoles.Park, PortalRoles.Leader] },
        { "univ.aqnu", [PortalRoles.University] },
        { "univ.buct", [PortalRoles.University] },
        { "ent.a", [PortalRoles.Enterprise] },
        { "agency.a", [PortalRoles.Agency] },
        { "bank.a", [PortalRoles.Bank] },
    };

    [Theory]
    [MemberData(nameof(Admins))]
    public async Task Every_grant_outside_the_table_is_refused_with_a_chinese_message_and_nothing_is_saved(string admin, string[] allowed)
    {
        var client = await fx.As(admin);
        var offered = (await client.GetPageAsync("/admin/users/new")).QuerySelectorAll("input[name=Roles]").Select(i => i.GetAttribute("value")).ToList();
        offered.Should().BeEquivalentTo(allowed, "the form offers only what the admin may grant");

        var before = await fx.WithDbAsync((db, _) => db.Users.CountAsync());
        foreach (var role in PortalRoles.All.Except(allowed))
        {
            var name = $"{admin}.{role}".ToLowerInvariant();
            var response = await client.PostFormAsync("/admin/users/new", new() { ["UserName"] = name, ["DisplayName"] = "越权测试", ["Roles"] = role });
            response.StatusCode.Should().Be(HttpStatusCode.OK, $"{admin} granting {role} is refused on the form");
            var message = PortalClient.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("[data-valmsg-for=Roles]")!.TextContent;
            message.Should().MatchRegex("[\u4e00-\u9fa5]", "the refusal is in Chinese next to the field").And.Contain(PortalRoles.DisplayName(role));
        }

        (await fx.WithDbAsync((db, _) => db.Users.CountAsync())).Should().Be(before);
    }

    [Fact]
    public async Task A_department_admin_cannot_create_a_city_leader()
    {
        var client = await fx.As("dept.jxj");
        var response = await client.PostFormAsync("/admin/users/new", new() { ["UserName"] = "jxj.leader", ["DisplayName"] = "假领导", ["Roles"] = PortalRoles.Leader });
        PortalClient.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("[data-valmsg-for=Roles]")!.TextContent
            .Should().Contain("市科技局系统管理员");
        (await fx.WithDbAsync((db, _) => db.Users.AnyAsync(u => u.UserName == "jxj.leader"))).Should().BeFalse();
    }

    [Fact]
    public async Task A_county_admin_makes_a_leader_of_its_own_county_who_sees_only_that_county()
    {
        var client = await fx.As("county.qianshan");
        var response = await client.PostFormAsync("/admin/users/new", new() { ["UserName"] = "qianshan.leader", ["DisplayName"] = "潜山领导", ["Roles"] = PortalRoles.Leader });
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Theory]
    [InlineData("univ.buct", "expert.b")]
    [InlineData("park.gxq", "registrar.gxq")]
    [InlineData("county.huaining", "leader.huaining")]
    public async Task An_organization_admin_cannot_reset_disable_enable_or_change_the_roles_of_a_duty_holder(string admin, string holder)
    {
        if (holder == "leader.huaining")
        {
            // A county's own leader is the county's to manage: the control case.
            var own = await fx.WithDbAsync((db, _) => db.Users.Where(u => u.UserName == holder).Select(u => u.Id).SingleAsync());
            (await (await fx.As(admin)).GetAsync($"/admin/users/{own}/roles")).StatusCode.Should().Be(HttpStatusCode.OK);
            return;
        }

        var target = await fx.WithDbAsync((db, _) => db.Users.AsNoTracking().SingleAsync(u => u.UserName == holder));
        var client = await fx.As(admin);
        var list = await client.GetPageAsync("/admin/users?q=" + holder);
        list.QuerySelector($"[data-readonly='{holder}']")!.TextContent.Should().Contain("由市科技局系统管理员管理", "the colleague is listed read-only, with who manages it");

        foreach (var action in new[] { "reset-password", "disable", "enable", "roles" })
        {
            (await client.PostFormAsync($"/admin/users/{target.Id}/{action}", new() { ["Roles"] = PortalRoles.University }))
                .StatusCode.Should().Be(HttpStatusCode.Forbidden, $"{admin} {action} {holder}");
        }

        (await client.GetAsync($"/admin/users/{target.Id}/roles")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var after = await fx.WithDbAsync((db, _) => db.Users.AsNoTracking().SingleAsync(u => u.UserName == holder));
        after.PasswordHash.Should().Be(target.PasswordHash);
        after.SecurityStamp.Should().Be(target.SecurityStamp);
        after.IsDisabled.Should().Be(target.IsDisabled);
        (await RolesOfAsync(holder)).Should().NotContain(PortalRoles.University);
    }

    [Fact]
    public async Task The_bureau_system_admin_manages_a_duty_holder()
    {
        var target = await fx.WithDbAsync((db, _) => db.Users.AsNoTracking().SingleAsync(u => u.UserName == "expert.a"));
        var admin = await fx.As("bureau.admin");
        (await admin.GetAsync($"/admin/users/{target.Id}/roles")).StatusCode.Should().Be(HttpStatusCode.OK);
        var change = await admin.PostPairsAsync($"/admin/users/{target.Id}/roles", ("Roles", PortalRoles.Expert), ("Roles", PortalRoles.University));
        change.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await RolesOfAsync("expert.a")).Should().BeEquivalentTo([PortalRoles.Expert, PortalRoles.University]);
    }

    [Fact]
    public async Task The_three_administrator_roles_cannot_meet_on_one_account()
    {
        var admin = await fx.As("bureau.admin");
        var created = await admin.PostPairsAsync("/admin/users/new", ("UserName", "super.admin"), ("DisplayName", "超级管理员"),
            ("Roles", PortalRoles.BureauAdmin), ("Roles", PortalRoles.Auditor));
        PortalClient.Parse(await created.Content.ReadAsStringAsync()).QuerySelector("[data-valmsg-for=Roles]")!.TextContent.Should().Contain("三权分立");
        (await fx.WithDbAsync((db, _) => db.Users.AnyAsync(u => u.UserName == "super.admin"))).Should().BeFalse();

        var security = await fx.WithDbAsync((db, _) => db.Users.Where(u => u.UserName == "security.admin").Select(u => u.Id).SingleAsync());
        var change = await admin.PostPairsAsync($"/admin/users/{security}/roles", ("Roles", PortalRoles.SecurityAdmin), ("Roles", PortalRoles.Auditor));
        change.StatusCode.Should().Be(HttpStatusCode.OK);
        PortalClient.Parse(await change.Content.ReadAsStringAsync()).QuerySelector("[data-valmsg-for=Roles]")!.TextContent.Should().Contain("三权分立");
        (await RolesOfAsync("security.admin")).Should().BeEquivalentTo([PortalRoles.SecurityAdmin]);
    }

    [Fact]
    public async Task The_last_active_auditor_cannot_be_disabled_or_stripped_of_the_role()
    {
        var admin = await fx.As("bureau.admin");
        var auditor = await fx.WithDbAsync((db, _) => db.Users.AsNoTracking().SingleAsync(u => u.UserName == "auditor"));
        var disable = await admin.PostFormAsync($"/admin/users/{auditor.Id}/disable", []);
        disable.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await admin.GetPageAsync("/admin/users")).QuerySelector("#flash-error")!.TextContent.Should().Contain("须至少保留一名在用的账户");

        var strip = await admin.PostFormAsync($"/admin/users/{auditor.Id}/roles", new() { ["Roles"] = PortalRoles.Bureau });
        PortalClient.Parse(await strip.Content.ReadAsStringAsync()).QuerySelector("[data-valmsg-for=Roles]")!.TextContent.Should().Contain("安全审计员");
        var after = await fx.WithDbAsync((db, _) => db.Users.AsNoTracking().SingleAsync(u => u.UserName == "auditor"));
        after.IsDisabled.Should().BeFalse();
        (await RolesOfAsync("auditor")).Should().BeEquivalentTo([PortalRoles.Auditor]);
    }

    [Fact]
    public async Task Enabling_a_disabled_account_issues_a_new_one_time_password_and_the_old_one_stops_working()
    {
        var admin = await fx.As("ent.b");
        await admin.PostFormAsync("/admin/users/new", new() { ["UserName"] = "entb.temp", ["DisplayName"] = "临时员工", ["Roles"] = PortalRoles.Enterprise });
        var first = await FlashPasswordAsync(admin);
        var id = await fx.WithDbAsync((db, _) => db.Users.Where(u => u.UserName == "entb.temp").Select(u => u.Id).SingleAsync());

        await admin.PostFormAsync($"/admin/users/{id}/disable", []);
        (await admin.PostFormAsync($"/admin/users/{id}/enable", [])).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var second = await FlashPasswordAsync(admin);
        second.Should().NotBeNullOrEmpty().And.NotBe(first);

        var old = await fx.Anonymous().PostFormAsync("/account/login", new() { ["UserName"] = "entb.temp", ["Password"] = first }, "/account/login");
        old.StatusCode.Should().Be(HttpStatusCode.OK, "the password from before the disabling no longer signs in");
        using var again = await fx.SignInAsync("entb.temp", second);
        (await again.GetAsync("/workspace")).Headers.Location!.OriginalString.Should().Be("/account/password");
        (await fx.WithDbAsync((db, _) => db.AuditEntries.CountAsync(a => a.EntityId == id.ToString() && (a.Action == "启用账户" || a.Action == "停用账户"))))
            .Should().Be(2, "every disable and enable is audited");
    }

    [Fact]
    public async Task Changing_roles_is_audited_and_ends_the_users_sessions()
    {
        var admin = await fx.As("county.huaining");
        await admin.PostFormAsync("/admin/users/new", new() { ["UserName"] = "huaining.staff", ["DisplayName"] = "怀宁职员", ["Roles"] = PortalRoles.County });
        var password = await FlashPasswordAsync(admin);
        var id = await fx.WithDbAsync((db, _) => db.Users.Where(u => u.UserName == "huaining.staff").Select(u => u.Id).SingleAsync());
        using var staff = await fx.SignInAsync("huaining.staff", password);

        (await admin.PostFormAsync($"/admin/users/{id}/roles", new() { ["Roles"] = PortalRoles.Leader })).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await RolesOfAsync("huaining.staff")).Should().BeEquivalentTo([PortalRoles.Leader]);
        PortalClient.IsLoginRedirect(await staff.GetAsync("/account/security")).Should().BeTrue("a role taken away ends the session at its next request");
        var audit = await fx.WithDbAsync((db, _) => db.AuditEntries.Where(a => a.EntityId == id.ToString()).Select(a => a.Action).ToListAsync());
        audit.Should().Contain(["分配角色", "撤销角色"]);
    }

    private async Task<string> FlashPasswordAsync(PortalClient client)
    {
        var page = await client.GetPageAsync("/admin/users");
        var match = OneTimePassword().Match(page.QuerySelector("#flash-success")!.TextContent);
        return match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value;
    }

    private Task<List<string>> RolesOfAsync(string userName) => fx.WithDbAsync((db, _) =>
        db.UserRoles.Join(db.Users.Where(u => u.UserName == userName), ur => ur.UserId, u => u.Id, (ur, _) => ur.RoleId)
            .Join(db.Roles, id => id, r => r.Id, (_, r) => r.Name!).ToListAsync());
}
