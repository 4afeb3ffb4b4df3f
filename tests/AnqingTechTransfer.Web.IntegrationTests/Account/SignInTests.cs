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
        var wrongText = PortalClient.Parse(await wrong.Content.ReadAsStringAsync()).QuerySelector("#login-form #error-summary li")!.TextContent.Trim();
        var unknownText = PortalClient.Parse(await unknown.Content.ReadAsStringAsync()).QuerySelector("#login-form #error-summary li")!.TextContent.Trim();
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
        (await right.Content.ReadAsStringAsync()).Should().Contain("该账户已锁定或已停用").And.Contain("30分钟后自动解除");

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
    public async Task A_bureau_admin_without_two_factor_must_enrol_before_using_the_portal_and_the_key_is_shown_only_after_the_password()
    {
        await CreateUserAsync("new.admin", "New#Admin2026", PortalRoles.BureauAdmin);
        using var client = await fx.SignInAsync("new.admin", "New#Admin2026");

        (await client.GetAsync("/admin/users")).Headers.Location!.OriginalString.Should().Be("/account/two-factor");
        var page = await client.GetPageAsync("/account/two-factor");
        page.QuerySelector("#authenticator-key").Should().BeNull("a GET never shows the key");
        var keyBefore = await fx.WithDbAsync((db, _) => db.UserTokens.CountAsync(t => t.Name == "AuthenticatorKey"));

        var wrong = await client.PostFormAsync("/account/two-factor/key", new() { ["Password"] = "Not#The2026" }, "/account/two-factor");
        var wrongPage = PortalClient.Parse(await wrong.Content.ReadAsStringAsync());
        wrongPage.QuerySelector("#authenticator-key").Should().BeNull();
        wrongPage.QuerySelector("[data-valmsg-for=Password]")!.TextContent.Should().Be("当前密码不正确");
        (await fx.WithDbAsync((db, _) => db.UserTokens.CountAsync(t => t.Name == "AuthenticatorKey"))).Should().Be(keyBefore);

        var shown = PortalClient.Parse(await (await client.PostFormAsync("/account/two-factor/key", new() { ["Password"] = "New#Admin2026" }, "/account/two-factor"))
            .Content.ReadAsStringAsync());
        var key = shown.QuerySelector("#authenticator-key")!.TextContent.Replace(" ", string.Empty).Trim();
        var proof = shown.QuerySelector("input[name=Proof]")!.GetAttribute("value")!;

        var noProof = await client.PostFormAsync("/account/two-factor", new() { ["Code"] = fx.NextTotpCode(key) }, "/account/two-factor");
        noProof.Headers.Location!.OriginalString.Should().Be("/account/two-factor", "enrolling without the fresh password proof starts again");

        var enrol = await client.PostFormAsync("/account/two-factor", new() { ["Code"] = fx.NextTotpCode(key), ["Proof"] = proof }, "/account/two-factor");
        enrol.Headers.Location!.OriginalString.Should().Be("/account/security");
        (await client.GetAsync("/admin/users")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Switching_two_factor_off_needs_the_current_password()
    {
        await CreateUserAsync("tfa.user", "Tfa#User2026");
        using var client = await fx.SignInAsync("tfa.user", "Tfa#User2026");
        var shown = PortalClient.Parse(await (await client.PostFormAsync("/account/two-factor/key", new() { ["Password"] = "Tfa#User2026" }, "/account/two-factor"))
            .Content.ReadAsStringAsync());
        var key = shown.QuerySelector("#authenticator-key")!.TextContent.Replace(" ", string.Empty).Trim();
        await client.PostFormAsync("/account/two-factor", new() { ["Code"] = fx.NextTotpCode(key), ["Proof"] = shown.QuerySelector("input[name=Proof]")!.GetAttribute("value")! }, "/account/two-factor");
        (await fx.WithDbAsync((db, _) => db.Users.Where(u => u.UserName == "tfa.user").Select(u => u.TwoFactorEnabled).SingleAsync())).Should().BeTrue();

        var refused = await client.PostFormAsync("/account/two-factor/disable", new() { ["Password"] = "Wrong#Pass2026" });
        PortalClient.Parse(await refused.Content.ReadAsStringAsync()).QuerySelector("[data-valmsg-for=Password]")!.TextContent.Should().Be("当前密码不正确");
        (await fx.WithDbAsync((db, _) => db.Users.Where(u => u.UserName == "tfa.user").Select(u => u.TwoFactorEnabled).SingleAsync())).Should().BeTrue();

        (await client.PostFormAsync("/account/two-factor/disable", new() { ["Password"] = "Tfa#User2026" })).Headers.Location!.OriginalString.Should().Be("/account/security");
        (await fx.WithDbAsync((db, _) => db.Users.Where(u => u.UserName == "tfa.user").Select(u => u.TwoFactorEnabled).SingleAsync())).Should().BeFalse();
    }

    /// <summary>Issue 20 changed this deliberately: a disabled account used to be named only to a caller with the right password.</summary>
    [Theory]
    [InlineData("disabled")]
    [InlineData("locked")]
    [InlineData("suspended")]
    public async Task A_blocked_account_gets_the_same_refusal_for_the_right_and_a_wrong_password(string state)
    {
        var name = "blocked." + state;
        if (state == "suspended")
        {
            await fx.WithDbAsync(async (db, _) =>
            {
                db.Organizations.Add(Domain.Organizations.Organization.Create(Domain.Organizations.OrganizationKind.Enterprise, "停用测试有限公司",
                    Domain.Organizations.CreditCode.Complete("91340822MA2N00998"), "340822", DateTimeOffset.UtcNow, Domain.Organizations.OrganizationStatus.Active));
                await db.SaveChangesAsync();
            });
        }

        await CreateUserAsync(name, "Blocked#2026", organizationName: state == "suspended" ? "停用测试有限公司" : null);
        await fx.WithDbAsync(async (db, _) =>
        {
            var user = await db.Users.SingleAsync(u => u.UserName == name);
            switch (state)
            {
                case "disabled": user.IsDisabled = true; break;
                case "locked": user.LockoutEnd = DateTimeOffset.UtcNow.AddMinutes(30); break;
                default:
                    var organization = await db.Organizations.SingleAsync(o => o.Id == user.OrganizationId);
                    organization.Suspend("测试停用");
                    break;
            }

            await db.SaveChangesAsync();
        });
        using var client = fx.Anonymous();
        var failedBefore = await fx.WithDbAsync((db, _) => db.Users.Where(u => u.UserName == name).Select(u => u.AccessFailedCount).SingleAsync());
        var right = await client.PostFormAsync("/account/login", new() { ["UserName"] = name, ["Password"] = "Blocked#2026" }, "/account/login");
        var wrong = await client.PostFormAsync("/account/login", new() { ["UserName"] = name, ["Password"] = "Wrong#Guess1" }, "/account/login");
        right.StatusCode.Should().Be(HttpStatusCode.OK);
        var rightText = PortalClient.Parse(await right.Content.ReadAsStringAsync()).QuerySelector("#login-form #error-summary li")!.TextContent.Trim();
        var wrongText = PortalClient.Parse(await wrong.Content.ReadAsStringAsync()).QuerySelector("#login-form #error-summary li")!.TextContent.Trim();
        rightText.Should().Be(wrongText).And.Contain("已锁定或已停用");
        (await fx.WithDbAsync((db, _) => db.Users.Where(u => u.UserName == name).Select(u => u.AccessFailedCount).SingleAsync()))
            .Should().Be(failedBefore, "the password of a blocked account is not checked at all");
    }

    private Task CreateUserAsync(string userName, string password, string role = PortalRoles.Enterprise, string? organizationName = null) =>
        fx.WithDbAsync(async (db, services) =>
        {
            var users = services.GetRequiredService<UserManager<PortalUser>>();
            var name = organizationName ?? (role == PortalRoles.BureauAdmin ? ReferenceSeed.BureauName : "潜山舒源生物医药有限公司");
            var organization = await db.Organizations.SingleAsync(o => o.Name == name);
            var user = new PortalUser { UserName = userName, DisplayName = userName, OrganizationId = organization.Id, PasswordChangedAt = fx.Clock.GetUtcNow() };
            (await users.CreateAsync(user, password)).Succeeded.Should().BeTrue();
            (await users.AddToRoleAsync(user, role)).Succeeded.Should().BeTrue();
        });
}
