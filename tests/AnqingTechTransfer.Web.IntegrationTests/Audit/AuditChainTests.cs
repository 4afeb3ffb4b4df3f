using AnqingTechTransfer.Domain.Audit;
using AnqingTechTransfer.Web.Features.Administration.Audit;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AnqingTechTransfer.Web.IntegrationTests.Audit;

public class AuditChainTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Sign_ins_sign_outs_and_changes_are_recorded_with_who_when_and_where()
    {
        using var client = await fx.SignInAsync("bank.a");
        await client.PostFormAsync("/account/logout", []);
        var rows = await fx.WithDbAsync((db, _) => db.AuditEntries.AsNoTracking().Where(a => a.UserName == "bank.a").OrderBy(a => a.Id).ToListAsync());
        rows.Select(r => r.Action).Should().ContainInOrder("登录", "退出");
        rows.Should().OnlyContain(r => r.UserId != null && r.OrganizationId != null && r.OccurredAt > DateTimeOffset.UtcNow.AddHours(-1));
        rows.First(r => r.Action == "登录").Outcome.Should().Be(AuditOutcome.Success);

        // The demo seed's inserts are state changes too: they are in the log, with the fields that changed.
        (await fx.WithDbAsync((db, _) => db.AuditEntries.AnyAsync(a => a.Action == "新增" && a.EntityType == "Organization"))).Should().BeTrue();
    }

    [Fact]
    public async Task The_database_refuses_to_change_or_delete_audit_rows()
    {
        var act = () => fx.WithDbAsync((db, _) => db.Database.ExecuteSqlAsync($"UPDATE audit_entries SET outcome = '成功' WHERE id = 1"));
        (await act.Should().ThrowAsync<PostgresException>()).Which.MessageText.Should().Contain("append-only");
        var delete = () => fx.WithDbAsync((db, _) => db.Database.ExecuteSqlAsync($"DELETE FROM audit_entries WHERE id = 1"));
        await delete.Should().ThrowAsync<PostgresException>();
    }

    [Fact]
    public async Task Verification_passes_on_an_intact_chain_and_names_the_first_row_changed_behind_the_apps_back()
    {
        var admin = await fx.As("auditor");
        await admin.PostFormAsync("/admin/audit/verify", []);
        (await admin.GetPageAsync("/admin/audit")).QuerySelector("#flash-success")!.TextContent.Should().Contain("审计日志完整");

        // An attacker with database superuser rights switches the trigger off and edits a row.
        var target = await fx.WithDbAsync((db, _) => db.AuditEntries.Where(a => a.Action == "登录").OrderBy(a => a.Id).Select(a => a.Id).FirstAsync());
        await fx.WithDbAsync(async (db, _) =>
        {
            await db.Database.ExecuteSqlAsync($"ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_no_change");
            await db.Database.ExecuteSqlAsync($"UPDATE audit_entries SET outcome = '失败' WHERE id = {target}");
            await db.Database.ExecuteSqlAsync($"ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_no_change");
        });

        var result = await fx.WithDbAsync((_, services) => services.GetRequiredService<AuditVerifyHandler>().VerifyAsync(CancellationToken.None));
        result.FirstBrokenId.Should().Be(target);

        await admin.PostFormAsync("/admin/audit/verify", []);
        (await admin.GetPageAsync("/admin/audit")).QuerySelector("#flash-error")!.TextContent.Should().Contain($"编号 {target} 的记录");
    }

    [Fact]
    public async Task Only_the_auditor_reads_the_log()
    {
        (await (await fx.As("bureau")).GetAsync("/admin/audit")).StatusCode.Should().Be(System.Net.HttpStatusCode.Forbidden);
        (await (await fx.As("bureau.admin")).GetAsync("/admin/audit")).StatusCode.Should().Be(System.Net.HttpStatusCode.Forbidden, "三权分立: not the system administrator");
        (await (await fx.As("auditor")).GetAsync("/admin/audit?action=登录")).StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
    }
}
