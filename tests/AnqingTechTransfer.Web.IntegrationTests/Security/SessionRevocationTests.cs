using System.Net;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.IntegrationTests.Security;

/// <summary>
/// Issue 20: revocation ends a session on every instance at its next request, not after the security-stamp interval. Two
/// app instances share one database; a session opened on the first is used on the second; the clock never moves.
/// </summary>
public sealed class SessionRevocationTests(PortalFixture fx) : IClassFixture<PortalFixture>, IAsyncLifetime
{
    private PortalFactory _second = null!;

    public Task InitializeAsync()
    {
        _second = new PortalFactory(fx.Factory.ConnectionString, fx.Clock);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _second.DisposeAsync();

    /// <summary>The same cookie, sent to the second instance.</summary>
    private PortalClient OnSecond(PortalClient first) =>
        new(_second.CreateDefaultClient(PortalFixture.BaseAddress, new CookieContainerHandler(first.Cookies)), first.Cookies);

    private async Task<(PortalClient First, PortalClient Second)> SessionAsync(string userName, string password)
    {
        var first = await fx.SignInAsync(userName, password);
        var second = OnSecond(first);
        (await second.GetAsync("/account/security")).StatusCode.Should().Be(HttpStatusCode.OK, "the second instance accepts the first one's cookie");
        return (first, second);
    }

    private async Task<Guid> NewStaffAsync(string admin, string userName, string role)
    {
        var client = await fx.As(admin);
        (await client.PostFormAsync("/admin/users/new", new() { ["UserName"] = userName, ["DisplayName"] = userName, ["Roles"] = role }))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        var page = await client.GetPageAsync("/admin/users");
        var text = page.QuerySelector("#flash-success")!.TextContent;
        _passwords[userName] = text[(text.IndexOf("初始密码：", StringComparison.Ordinal) + 5)..text.IndexOf('（', StringComparison.Ordinal)];
        return await fx.WithDbAsync((db, _) => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());
    }

    private readonly Dictionary<string, string> _passwords = [];

    /// <summary>A new account must change its one-time password first; after that its session is an ordinary one.</summary>
    private async Task<(PortalClient First, PortalClient Second)> ReadySessionAsync(string userName)
    {
        var first = await fx.SignInAsync(userName, _passwords[userName]);
        const string password = "Revoke#Test2026";
        (await first.PostFormAsync("/account/password", new()
        {
            ["CurrentPassword"] = _passwords[userName], ["NewPassword"] = password, ["ConfirmPassword"] = password,
        }, "/account/password")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        return await SessionAsync(userName, password);
    }

    [Fact]
    public async Task Disabling_an_account_on_one_instance_ends_its_session_on_the_other_at_the_next_request()
    {
        var id = await NewStaffAsync("univ.aqnu", "revoke.disable", "University");
        var (_, second) = await ReadySessionAsync("revoke.disable");

        await (await fx.As("univ.aqnu")).PostFormAsync($"/admin/users/{id}/disable", []);
        PortalClient.IsLoginRedirect(await second.GetAsync("/account/security")).Should().BeTrue("no security-stamp interval has passed");
    }

    [Fact]
    public async Task Suspending_the_organization_ends_its_users_sessions_everywhere()
    {
        var (_, second) = await SessionAsync("bank.a", Web.Data.Seed.DemoSeed.DefaultPassword);
        var bank = await fx.WithDbAsync((db, _) => db.Users.Where(u => u.UserName == "bank.a").Select(u => u.OrganizationId).SingleAsync());
        var admin = await fx.As("bureau.admin");
        var version = await fx.WithDbAsync((db, _) => db.Organizations.Where(o => o.Id == bank).Select(o => o.Version).SingleAsync());
        (await admin.PostFormAsync($"/organizations/{bank}/suspend", new() { ["Reason"] = "测试停用", ["Version"] = version.ToString() }))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);

        PortalClient.IsLoginRedirect(await second.GetAsync("/account/security")).Should().BeTrue();
    }

    [Fact]
    public async Task Taking_a_role_away_and_signing_out_end_the_sessions_everywhere()
    {
        var id = await NewStaffAsync("county.qianshan", "revoke.role", "County");
        var (first, second) = await ReadySessionAsync("revoke.role");
        (await second.GetAsync("/needs")).StatusCode.Should().Be(HttpStatusCode.OK);

        var admin = await fx.As("county.qianshan");
        (await admin.PostFormAsync($"/admin/users/{id}/roles", new() { ["Roles"] = "Leader" })).StatusCode.Should().Be(HttpStatusCode.Redirect);
        PortalClient.IsLoginRedirect(await second.GetAsync("/account/security")).Should().BeTrue("the County role is gone from every session");

        var (again, againOnSecond) = await SessionAsync("revoke.role", "Revoke#Test2026");
        await again.PostFormAsync("/account/logout", []);
        PortalClient.IsLoginRedirect(await againOnSecond.GetAsync("/account/security")).Should().BeTrue("signing out ends every copy of the session");
        first.Dispose();
    }

    [Fact]
    public async Task An_unrevoked_session_keeps_working_on_both_instances()
    {
        var (_, second) = await SessionAsync("ent.b", Web.Data.Seed.DemoSeed.DefaultPassword);
        (await second.GetAsync("/account/security")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await second.GetAsync("/account/security")).StatusCode.Should().Be(HttpStatusCode.OK, "an unrevoked session keeps working");
    }
}
