using System.Net;
using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Audit;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Data.Seed;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AnqingTechTransfer.Web.IntegrationTests.Account;

public class SignInTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    public static TheoryData<string> DemoUsers => new(DemoSeed.Users.Where(u => !u.Roles.SequenceEqual([PortalRoles.Leader])).Select(u => u.UserName));

    [Theory]
    [MemberData(nameof(DemoUsers))]
    public async Task Every_demo_user_signs_in_through_the_form_and_sees_the_workspace(string userName)
    {
        using var client = await fx.SignInAsync(userName);
        var page = await client.GetPageAsync("/workspace");
        page.QuerySelector("#workspace-heading")!.TextContent.Should().Be("工作台");
        page.Body!.TextContent.Should().Contain(DemoSeed.Users.Single(u => u.UserName == userName).DisplayName);
    }

    [Theory]
    [InlineData("leader.city", "安庆市")]
    [InlineData("leader.huaining", "怀宁县")]
    public async Task Leaders_land_on_the_cockpit_of_their_scope(string userName, string scope)
    {
        using var client = await fx.SignInAsync(userName);
        var response = await client.GetAsync("/workspace");
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be("/cockpit");
        var page = await client.GetPageAsync("/cockpit");
        page.QuerySelector("h1")!.TextContent.Should().Be($"领导驾驶舱 · {scope}");
        page.Body!.TextContent.Should().Contain(DemoSeed.Users.Single(u => u.UserName == userName).DisplayName);
    }

    [Fact]
    public async Task Wrong_password_and_unknown_user_get_the_same_message_and_are_audited()
    {
        using var client = fx.Anonymous();
        var wrong = await client.PostFormAsync("/account/login", new() { ["UserName"] = "ent.b", ["Password"] = "Wrong#Pass1" }, "/account/login");
        var unknown = await client.PostFormAsync("/account/login", new() { ["UserName"] = "nobody.here", ["Password"] = "Wrong#Pass1" }, "/account/login");

        wrong.StatusCode.Should().Be(HttpStatusCode.OK);
        var wrongText = PortalClient.Parse(await wrong.Content.ReadAsStringAsync()).QuerySelector("#login-form .text-danger")!.TextContent.Trim();
        var unknownText = PortalClient.Parse(await unknown.Content.ReadAsStringAsync()).QuerySelector("#login-form .text-danger")!.TextContent.Trim();
        wrongText.Should().Be("用户名或密码错误。").And.Be(unknownText);

        var failures = await fx.WithDbAsync((db, _) => db.AuditEntries.Where(a => a.Action == "登录" && a.Outcome == AuditOutcome.Failure)
            .Select(a => a.UserName).ToListAsync());
        failures.Should().Contain(["ent.b", "nobody.here"]);
    }

    [Fact]
    public async Task Five_failed_sign_ins_lock_the_account_for_thirty_minutes()
    {
        await CreateUserAsync("lock.me", "Lock#Me2026");
        using var client = fx.Anonymous();
        for (var i = 0; i < 5; i++)
        {
            await client.PostFormAsync("/account/login", new() { ["UserName"] = "lock.me", ["Password"] = "Bad#Guess" + i }, "/account/login");
        }

        var right = await client.PostFormAsync("/account/login", new() { ["UserName"] = "lock.me", ["Password"] = "Lock#Me2026" }, "/account/login");
        right.StatusCode.Should().Be(HttpStatusCode.OK, "a locked account is refused even with the right password");
        (await right.Content.ReadAsStringAsync()).Should().Contain("账户已锁定30分钟");

        var (lockoutEnd, audited) = await fx.WithDbAsync(async (db, _) => (
            await db.Users.Where(u => u.UserName == "lock.me").Select(u => u.LockoutEnd).SingleAsync(),
            await db.AuditEntries.AnyAsync(a => a.Action == "账户锁定" && a.UserName == "lock.me")));
        lockoutEnd.Should().BeCloseTo(DateTimeOffset.UtcNow.AddMinutes(30), TimeSpan.FromMinutes(1)); // Identity's lockout uses the system clock
        audited.Should().BeTrue();
    }

    [Fact]
    public async Task An_idle_session_ends_after_thirty_minutes()
    {
        using var client = await fx.SignInAsync("ent.b");
        (await client.GetAsync("/workspace")).StatusCode.Should().Be(HttpStatusCode.OK);

        fx.Clock.Advance(TimeSpan.FromMinutes(31));

        PortalClient.IsLoginRedirect(await client.GetAsync("/workspace")).Should().BeTrue();
    }

    [Fact]
    public async Task Even_an_active_session_ends_twelve_hours_after_sign_in()
    {
        using var client = await fx.SignInAsync("bank.a");
        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromHours(11.5); elapsed += TimeSpan.FromMinutes(25))
        {
            fx.Clock.Advance(TimeSpan.FromMinutes(25));
            (await client.GetAsync("/workspace")).StatusCode.Should().Be(HttpStatusCode.OK, $"still active after {elapsed}");
        }

        fx.Clock.Advance(TimeSpan.FromMinutes(40));
        PortalClient.IsLoginRedirect(await client.GetAsync("/workspace")).Should().BeTrue();
    }

    [Fact]
    public async Task A_cookie_saved_before_sign_out_is_refused_when_replayed()
    {
        using var client = await fx.SignInAsync("agency.a");
        var cookie = client.CookieHeader;
        (await client.PostFormAsync("/account/logout", [])).StatusCode.Should().Be(HttpStatusCode.Redirect);

        fx.Clock.Advance(TimeSpan.FromSeconds(61)); // past the security-stamp check interval
        using var replay = fx.Anonymous();
        replay.Http.DefaultRequestHeaders.Add("Cookie", cookie);
        PortalClient.IsLoginRedirect(await replay.GetAsync("/workspace")).Should().BeTrue();
    }

    [Fact]
    public async Task Changing_the_password_ends_the_other_sessions()
    {
        await CreateUserAsync("two.sessions", "Two#Sessions1");
        using var laptop = await fx.SignInAsync("two.sessions", "Two#Sessions1");
        using var phone = await fx.SignInAsync("two.sessions", "Two#Sessions1");

        var change = await laptop.PostFormAsync("/account/password", new()
        {
            ["CurrentPassword"] = "Two#Sessions1", ["NewPassword"] = "Two#Sessions2", ["ConfirmPassword"] = "Two#Sessions2",
        });
        change.Headers.Location!.OriginalString.Should().Be("/account/security");
        fx.Clock.Advance(TimeSpan.FromSeconds(61));

        (await laptop.GetAsync("/workspace")).StatusCode.Should().Be(HttpStatusCode.OK, "the session that changed the password goes on");
        PortalClient.IsLoginRedirect(await phone.GetAsync("/workspace")).Should().BeTrue();
    }

    [Fact]
    public async Task A_new_password_that_breaks_the_rules_is_refused_with_chinese_messages_next_to_the_field()
    {
        await CreateUserAsync("weak.pass", "Weak#Pass01");
        using var client = await fx.SignInAsync("weak.pass", "Weak#Pass01");
        var response = await client.PostFormAsync("/account/password", new()
        {
            ["CurrentPassword"] = "Weak#Pass01", ["NewPassword"] = "weak.pass", ["ConfirmPassword"] = "weak.pass",
        });
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var field = PortalClient.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("[data-valmsg-for=NewPassword]")!.TextContent;
        field.Should().Contain("至少三类").And.Contain("不能与用户名相同");
    }

    [Fact]
    public async Task A_password_older_than_ninety_days_must_be_changed_before_anything_else()
    {
        await CreateUserAsync("old.pass", "Old#Pass2026");
        await fx.WithDbAsync(async (db, _) =>
        {
            var user = await db.Users.SingleAsync(u => u.UserName == "old.pass");
            user.PasswordChangedAt = fx.Clock.GetUtcNow().AddDays(-91);
            await db.SaveChangesAsync();
        });
        using var client = await fx.SignInAsync("old.pass", "Old#Pass2026");

        var response = await client.GetAsync("/workspace");
        response.Headers.Location!.OriginalString.Should().Be("/account/password");

        await client.PostFormAsync("/account/password", new()
        {
            ["CurrentPassword"] = "Old#Pass2026", ["NewPassword"] = "New#Pass2026", ["ConfirmPassword"] = "New#Pass2026",
        });
        (await client.GetAsync("/workspace")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Bureau_admin_signs_in_with_a_totp_code_that_works_once_only()
    {
        using var client = fx.Anonymous();
        var first = await client.PostFormAsync("/account/login", new() { ["UserName"] = "bureau.admin", ["Password"] = DemoSeed.DefaultPassword }, "/account/login");
        first.Headers.Location!.OriginalString.Should().StartWith("/account/login-2fa");
        var code = fx.NextTotpCode();
        (await client.PostFormAsync("/account/login-2fa", new() { ["Code"] = code }, "/account/login-2fa")).Headers.Location!.OriginalString.Should().Be("/workspace");

        using var attacker = fx.Anonymous();
        await attacker.PostFormAsync("/account/login", new() { ["UserName"] = "bureau.admin", ["Password"] = DemoSeed.DefaultPassword }, "/account/login");
        var replay = await attacker.PostFormAsync("/account/login-2fa", new() { ["Code"] = code }, "/account/login-2fa");

        replay.StatusCode.Should().Be(HttpStatusCode.OK, "the same code, inside its 90-second window, is refused the second time");
        (await replay.Content.ReadAsStringAsync()).Should().Contain("动态验证码不正确或已使用过");
    }

    [Fact]
    public async Task A_bureau_admin_without_two_factor_must_enrol_before_using_the_portal()
    {
        await CreateUserAsync("new.admin", "New#Admin2026", PortalRoles.BureauAdmin);
        using var client = await fx.SignInAsync("new.admin", "New#Admin2026");

        (await client.GetAsync("/admin/users")).Headers.Location!.OriginalString.Should().Be("/account/two-factor");
        var page = await client.GetPageAsync("/account/two-factor");
        var key = page.QuerySelector("#authenticator-key")!.TextContent.Replace(" ", string.Empty).Trim();

        var enrol = await client.PostFormAsync("/account/two-factor", new() { ["Code"] = fx.NextTotpCode(key) }, "/account/two-factor");
        enrol.Headers.Location!.OriginalString.Should().Be("/account/security");
        (await client.GetAsync("/admin/users")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_disabled_user_cannot_sign_in()
    {
        await CreateUserAsync("gone.user", "Gone#User2026");
        await fx.WithDbAsync(async (db, _) =>
        {
            (await db.Users.SingleAsync(u => u.UserName == "gone.user")).IsDisabled = true;
            await db.SaveChangesAsync();
        });
        using var client = fx.Anonymous();
        var guess = await client.PostFormAsync("/account/login", new() { ["UserName"] = "gone.user", ["Password"] = "Wrong#Guess1" }, "/account/login");
        (await guess.Content.ReadAsStringAsync()).Should().Contain("用户名或密码错误").And.NotContain("停用", "a guesser learns nothing about the account");

        var response = await client.PostFormAsync("/account/login", new() { ["UserName"] = "gone.user", ["Password"] = "Gone#User2026" }, "/account/login");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("该账户已停用");
    }

    private Task CreateUserAsync(string userName, string password, string role = PortalRoles.Enterprise) =>
        fx.WithDbAsync(async (db, services) =>
        {
            var users = services.GetRequiredService<UserManager<PortalUser>>();
            var organization = await db.Organizations.SingleAsync(o => o.Name == (role == PortalRoles.BureauAdmin ? ReferenceSeed.BureauName : "潜山舒源生物医药有限公司"));
            var user = new PortalUser { UserName = userName, DisplayName = userName, OrganizationId = organization.Id, PasswordChangedAt = fx.Clock.GetUtcNow() };
            (await users.CreateAsync(user, password)).Succeeded.Should().BeTrue();
            (await users.AddToRoleAsync(user, role)).Succeeded.Should().BeTrue();
        });
}
