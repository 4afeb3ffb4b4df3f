using System.Net;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Infrastructure;
using AnqingTechTransfer.Web.Infrastructure.Security;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AnqingTechTransfer.Web.IntegrationTests.Security;

/// <summary>三权分立 and the security administrator's settings (issue 12): who may read the audit log, lockout, allow-list, passwords, dormant accounts.</summary>
public class DutiesTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    private async Task SaveSettingsAsync(int maxFailed, int minutes, int minLength, string networks)
    {
        var admin = await fx.As("security.admin");
        var version = PortalClient.Parse(await (await admin.GetAsync("/admin/security")).Content.ReadAsStringAsync())
            .QuerySelector("input[name=Version]")!.GetAttribute("value")!;
        var saved = await admin.PostFormAsync("/admin/security", new()
        {
            ["MaxFailedSignIns"] = maxFailed.ToString(), ["LockoutMinutes"] = minutes.ToString(), ["PasswordMinLength"] = minLength.ToString(),
            ["AdminAllowedNetworks"] = networks, ["Version"] = version,
        }, tokenFrom: "/admin/security");
        saved.StatusCode.Should().Be(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
    }

    private async Task<HttpResponseMessage> TryPasswordAsync(string userName, string password)
    {
        using var client = fx.Anonymous();
        return await client.PostFormAsync("/account/login", new() { ["UserName"] = userName, ["Password"] = password }, tokenFrom: "/account/login");
    }

    [Fact]
    public async Task The_system_administrator_cannot_read_the_audit_log_and_the_auditor_reads_it_and_no_business_records()
    {
        (await (await fx.As("bureau.admin")).GetAsync("/admin/audit")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var auditor = await fx.As("auditor");
        (await auditor.GetAsync("/admin/audit")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await auditor.GetAsync("/admin/users")).StatusCode.Should().Be(HttpStatusCode.Forbidden, "the auditor manages nobody");
        (await auditor.GetAsync("/admin/security")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var contracts = PortalClient.Parse(await (await auditor.GetAsync("/contracts")).Content.ReadAsStringAsync());
        contracts.QuerySelectorAll("tbody tr[data-contract], #contract-table tbody tr").Where(r => r.QuerySelector("a[href^='/contracts/']") is not null)
            .Should().BeEmpty("the auditor's scope holds no contracts, though the demo data has many");
        contracts.QuerySelector("#contract-table tbody")!.TextContent.Should().Contain("没有符合条件的合同");
        (await (await fx.As("security.admin")).GetAsync("/admin/audit")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_lockout_threshold_set_by_the_security_administrator_applies_at_the_next_failures_and_is_audited()
    {
        await SaveSettingsAsync(3, 15, 8, string.Empty);
        for (var i = 0; i < 3; i++)
        {
            await TryPasswordAsync("ent.b", "Wrong#Password1");
        }

        var locked = await TryPasswordAsync("ent.b", AnqingTechTransfer.Web.Data.Seed.DemoSeed.DefaultPassword);
        (await locked.Content.ReadAsStringAsync()).Should().Contain("锁定的账户15分钟后自动解除", "three failures locked it, for the minutes set");
        var audit = await fx.WithDbAsync((db, _) => db.AuditEntries.AsNoTracking().Where(a => a.Action == "修改安全策略").Select(a => a.Details).ToListAsync());
        audit.Should().Contain(d => d!.Contains("锁定3次/15分钟"));
        await SaveSettingsAsync(5, 30, 8, string.Empty);
        await fx.WithDbAsync(async (db, sp) =>
        {
            var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<PortalUser>>();
            var user = await users.FindByNameAsync("ent.b");
            await users.SetLockoutEndDateAsync(user!, null);
            await users.ResetAccessFailedCountAsync(user!);
        });
    }

    [Fact]
    public async Task The_allow_list_closes_the_admin_pages_to_other_addresses_and_may_not_shut_out_its_keeper()
    {
        var admin = await fx.As("security.admin");
        var refused = await admin.PostFormAsync("/admin/security", new()
        {
            ["MaxFailedSignIns"] = "5", ["LockoutMinutes"] = "30", ["PasswordMinLength"] = "8", ["AdminAllowedNetworks"] = "10.0.0.0/8", ["Version"] = "0",
        }, tokenFrom: "/admin/security");
        refused.StatusCode.Should().Be(HttpStatusCode.OK);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("白名单不包含您当前的地址");
        var bad = await admin.PostFormAsync("/admin/security", new()
        {
            ["MaxFailedSignIns"] = "5", ["LockoutMinutes"] = "30", ["PasswordMinLength"] = "8", ["AdminAllowedNetworks"] = "10.0.0.0/33", ["Version"] = "0",
        }, tokenFrom: "/admin/security");
        WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()).Should().Contain("“10.0.0.0/33”不是有效的IP地址或网段");

        // Set from outside (as if from the office network), the list closes /admin to this client's address.
        var policies = fx.Factory.Services.GetRequiredService<SecurityPolicyProvider>();
        await fx.WithDbAsync(async (db, _) =>
        {
            var row = await db.SecuritySettings.SingleOrDefaultAsync() ?? db.SecuritySettings.Add(new SecuritySettings { MaxFailedSignIns = 5, LockoutMinutes = 30, PasswordMinLength = 8 }).Entity;
            row.AdminAllowedNetworks = "10.0.0.0/8";
            await db.SaveChangesAsync();
        });
        policies.Invalidate();
        try
        {
            var users = await (await fx.As("bureau.admin")).GetAsync("/admin/users");
            users.StatusCode.Should().Be(HttpStatusCode.Forbidden);
            (await users.Content.ReadAsStringAsync()).Should().Contain("不在管理后台访问白名单内");
            (await (await fx.As("bureau.admin")).GetAsync("/workspace")).StatusCode.Should().Be(HttpStatusCode.OK, "only /admin is closed");
        }
        finally
        {
            await fx.WithDbAsync(async (db, _) =>
            {
                (await db.SecuritySettings.SingleAsync()).AdminAllowedNetworks = string.Empty;
                await db.SaveChangesAsync();
            });
            policies.Invalidate();
        }
    }

    [Fact]
    public async Task A_common_or_too_short_password_is_refused_next_to_the_field()
    {
        await SaveSettingsAsync(5, 30, 12, string.Empty);
        try
        {
            var client = await fx.SignInAsync("univ.buct");
            var shortOne = await client.PostFormAsync("/account/password", new()
            {
                ["CurrentPassword"] = AnqingTechTransfer.Web.Data.Seed.DemoSeed.DefaultPassword, ["NewPassword"] = "Anqing#27x", ["ConfirmPassword"] = "Anqing#27x",
            }, tokenFrom: "/account/password");
            (await shortOne.Content.ReadAsStringAsync()).Should().Contain("密码至少需要12个字符");
            var common = await client.PostFormAsync("/account/password", new()
            {
                ["CurrentPassword"] = AnqingTechTransfer.Web.Data.Seed.DemoSeed.DefaultPassword, ["NewPassword"] = "Password@2026", ["ConfirmPassword"] = "Password@2026",
            }, tokenFrom: "/account/password");
            (await common.Content.ReadAsStringAsync()).Should().Contain("常用弱口令");
        }
        finally
        {
            await SaveSettingsAsync(5, 30, 8, string.Empty);
        }
    }

    [Fact]
    public async Task An_account_unused_for_ninety_days_is_disabled_at_sign_in_and_by_the_sweep()
    {
        var now = fx.Clock.GetUtcNow();
        await fx.WithDbAsync(async (db, _) =>
        {
            await db.Users.Where(u => u.UserName == "expert.b").ExecuteUpdateAsync(s => s.SetProperty(u => u.LastSignInAt, now.AddDays(-91)));
            await db.Users.Where(u => u.UserName == "registrar.gxq").ExecuteUpdateAsync(s => s.SetProperty(u => u.LastSignInAt, (DateTimeOffset?)null)
                .SetProperty(u => u.CreatedAt, now.AddDays(-120)));
            await db.Users.Where(u => u.UserName == "agency.a").ExecuteUpdateAsync(s => s.SetProperty(u => u.LastSignInAt, now.AddDays(-89)));
        });

        var refused = await TryPasswordAsync("expert.b", AnqingTechTransfer.Web.Data.Seed.DemoSeed.DefaultPassword);
        // Issue 20: a dormant account gets the one refusal of every blocked account (the reason is in the audit log).
        (await refused.Content.ReadAsStringAsync()).Should().Contain("该账户已锁定或已停用");
        var swept = await fx.Factory.Services.GetRequiredService<Housekeeping>().DisableDormantAccountsAsync(CancellationToken.None);
        swept.Should().BeGreaterThanOrEqualTo(1);
        var state = await fx.WithDbAsync((db, _) => db.Users.AsNoTracking().Where(u => u.UserName == "expert.b" || u.UserName == "registrar.gxq" || u.UserName == "agency.a")
            .ToDictionaryAsync(u => u.UserName!, u => u.IsDisabled));
        state.Should().BeEquivalentTo(new Dictionary<string, bool> { ["expert.b"] = true, ["registrar.gxq"] = true, ["agency.a"] = false });
        var audited = await fx.WithDbAsync((db, _) => db.AuditEntries.AsNoTracking().CountAsync(a => a.Action == "长期未使用停用"));
        audited.Should().BeGreaterThanOrEqualTo(2);

        // Re-enabled by the admin, the account signs in again with the new one-time password (issue 20: enabling issues one;
        // the count of unused days starts over).
        var admin = await fx.As("bureau.admin");
        var id = await fx.WithDbAsync((db, _) => db.Users.Where(u => u.UserName == "expert.b").Select(u => u.Id).SingleAsync());
        (await admin.PostFormAsync($"/admin/users/{id}/enable", new(), tokenFrom: "/admin/users")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var flash = (await admin.GetPageAsync("/admin/users")).QuerySelector("#flash-success")!.TextContent;
        var password = flash[(flash.IndexOf("临时密码：", StringComparison.Ordinal) + 5)..flash.IndexOf('（', StringComparison.Ordinal)];
        var back = await TryPasswordAsync("expert.b", password);
        back.StatusCode.Should().Be(HttpStatusCode.Redirect);
        back.Headers.Location!.OriginalString.Should().NotContain("/account/login");
    }
}
