using System.Net;
using System.Text;
using System.Text.Json;
using AnqingTechTransfer.Domain.Imports;
using AnqingTechTransfer.Web.Features.Imports;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AnqingTechTransfer.Web.IntegrationTests.Imports;

/// <summary>
/// Issue 25 §3: an upload is stored as an import job and answered at once with /imports/{id}; the job (run here directly,
/// as the tests run no job server) reports rows read, passed and rejected while it runs, ends with its result and a message
/// to the uploader, and an import cut off by a restart ends as 失败（服务重启中断） with nothing written.
/// </summary>
public class BackgroundImportTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    private const string Header = "登记编号,项目名称,合同类别,卖方名称,卖方统一社会信用代码,卖方所在地区代码,买方名称,买方统一社会信用代码,买方所在地区代码,买方所在园区,技术领域,成交额（万元）,技术交易额（万元）,签订日期,登记日期\n";

    /// <summary>A file of <paramref name="count"/> 吸纳 contracts numbered from <paramref name="prefix"/>.</summary>
    private static byte[] Contracts(string prefix, int count, Func<int, string>? amount = null) =>
        Encoding.UTF8.GetBytes(Header + string.Concat(Enumerable.Range(1, count).Select(i =>
            $"{prefix}{i:D4},后台导入测试{i},技术开发,合肥工业大学,,340100,桐城市示范企业,,340881,,01,{amount?.Invoke(i) ?? "10"},8,2024-05-06,2024-05-20\n")));

    private Task<int> CountAsync(string prefix) =>
        fx.WithDbAsync((db, _) => db.TechContracts.CountAsync(c => c.RegistrationNumber!.StartsWith(prefix)));

    private Task<ImportJob> JobAsync(Guid id) => fx.WithDbAsync((db, _) => db.ImportJobs.AsNoTracking().SingleAsync(j => j.Id == id));

    /// <summary>Posts an upload as the bureau: it is queued, not run, and the answer is the import's page.</summary>
    private async Task<Guid> QueueAsync(byte[] content, string name = "导出.csv")
    {
        var bureau = await fx.As("bureau");
        var response = await bureau.PostMultipartAsync("/contracts/import", [], ("file", name, content), "/contracts/import");
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var location = response.Headers.Location!.OriginalString;
        location.Should().MatchRegex("^/imports/[0-9a-f-]{36}$");
        return Guid.Parse(location["/imports/".Length..]);
    }

    private static async Task<JsonElement> ProgressAsync(PortalClient client, Guid id)
    {
        var response = await client.GetAsync($"/imports/{id}/progress");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static (string State, int Read, int Passed, int Rejected, int Percent, bool Finished) Counts(JsonElement p) =>
        (p.GetProperty("state").GetString()!, p.GetProperty("read").GetInt32(), p.GetProperty("passed").GetInt32(), p.GetProperty("rejected").GetInt32(),
            p.GetProperty("percent").GetInt32(), p.GetProperty("finished").GetBoolean());

    /// <summary>An HTTP request from inside the job's run, outside its system scope (as the browser's poll is).</summary>
    private static async Task<JsonElement> PollFromOutsideAsync(PortalClient client, Guid id)
    {
        Task<JsonElement> poll;
        using (ExecutionContext.SuppressFlow())
        {
            poll = Task.Run(() => ProgressAsync(client, id));
        }

        return await poll;
    }

    [Fact]
    public async Task The_upload_is_answered_at_once_and_the_progress_endpoint_counts_rows_while_the_job_runs_and_after()
    {
        var bureau = await fx.As("bureau");
        var id = await QueueAsync(Contracts("2024BG01", 40));
        Counts(await ProgressAsync(bureau, id)).Should().Be(("Queued", 0, 0, 0, 0, false));
        var queued = await bureau.GetPageAsync($"/imports/{id}");
        queued.QuerySelector("#import-state")!.TextContent.Should().Be("排队中");
        queued.QuerySelector("#import-progress")!.GetAttribute("value").Should().Be("0");
        queued.QuerySelector("#import-refresh")!.GetAttribute("href").Should().Be($"/imports/{id}", "without script the page offers a refresh");
        queued.QuerySelector("#import-status")!.GetAttribute("data-progress-url").Should().Be($"/imports/{id}/progress");
        queued.QuerySelectorAll("script").Select(s => s.GetAttribute("src") ?? "").Should().Contain(s => s.StartsWith("/js/import-progress.", StringComparison.Ordinal));
        queued.QuerySelectorAll("script:not([src])").Should().BeEmpty("no inline script (CSP)");
        (await CountAsync("2024BG01")).Should().Be(0);

        var during = new List<JsonElement>();
        await fx.RunImportAsync(id, async _ =>
        {
            during.Add(await PollFromOutsideAsync(bureau, id));
            (await CountAsync("2024BG01")).Should().Be(0, "nothing is visible before the import commits");
        });

        during.Should().NotBeEmpty();
        during.Select(Counts).Should().AllSatisfy(p =>
        {
            p.State.Should().Be("Running");
            p.Finished.Should().BeFalse();
            p.Read.Should().BeInRange(1, 40);
            p.Passed.Should().Be(p.Read);
            p.Rejected.Should().Be(0);
        });
        Counts(during[^1]).Should().Be(("Running", 40, 40, 0, 90, false), "the last report comes when every row is read and checked");

        Counts(await ProgressAsync(bureau, id)).Should().Be(("Succeeded", 40, 40, 0, 100, true));
        (await CountAsync("2024BG01")).Should().Be(40);
        var done = await bureau.GetPageAsync($"/imports/{id}");
        done.QuerySelector("#import-state")!.TextContent.Should().Be("已完成");
        done.QuerySelector("#imported-count")!.TextContent.Should().Be("40");
        done.QuerySelector("#import-refresh").Should().BeNull();
        done.QuerySelectorAll("script").Select(s => s.GetAttribute("src") ?? "").Should().NotContain(s => s.StartsWith("/js/import-progress.", StringComparison.Ordinal));
        (await fx.WithDbAsync((db, _) => db.ImportFiles.CountAsync(f => f.Id == id))).Should().Be(0, "the file goes when its import ends");

        // The message at the end, to the uploader, with a link to the import's page.
        var message = await fx.WithDbAsync((db, _) => db.Notifications.AsNoTracking().SingleAsync(n => n.Link == $"/imports/{id}"));
        var uploader = await fx.WithDbAsync((db, _) => db.Users.Where(u => u.UserName == "bureau").Select(u => u.Id).SingleAsync());
        message.RecipientUserId.Should().Be(uploader);
        message.Title.Should().Be("导入完成：外地登记的吸纳合同");
        message.Body.Should().Contain("导出.csv").And.Contain("40 行");

        // Run again (Hangfire delivering the job twice): nothing changes.
        await fx.RunImportAsync(id);
        (await CountAsync("2024BG01")).Should().Be(40);
        (await fx.WithDbAsync((db, _) => db.Notifications.CountAsync(n => n.Link == $"/imports/{id}"))).Should().Be(1);
    }

    [Fact]
    public async Task A_file_with_bad_rows_ends_with_its_reasons_by_line_counts_the_rejected_rows_and_writes_nothing()
    {
        var bureau = await fx.As("bureau");
        var id = await QueueAsync(Contracts("2024BG02", 12, i => i is 3 or 9 ? "abc" : "10"), "有误.csv");
        await fx.RunImportAsync(id);

        Counts(await ProgressAsync(bureau, id)).Should().Be(("Rejected", 12, 10, 2, 100, true));
        var page = await bureau.GetPageAsync($"/imports/{id}");
        page.QuerySelector("#import-state")!.TextContent.Should().Be("有误未导入");
        page.QuerySelector("#import-result")!.TextContent.Should().Contain("未导入任何记录");
        var rows = page.QuerySelectorAll("#import-problems tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray()).ToList();
        rows.Select(r => r[0]).Should().Equal("4", "10");
        rows.Should().AllSatisfy(r => r[1].Should().Contain("成交额"));
        (await CountAsync("2024BG02")).Should().Be(0);
        var message = await fx.WithDbAsync((db, _) => db.Notifications.AsNoTracking().SingleAsync(n => n.Link == $"/imports/{id}"));
        message.Title.Should().Be("导入未完成：外地登记的吸纳合同文件有误");
        message.Body.Should().Contain("2 处错误").And.Contain("未导入任何记录");
    }

    [Fact]
    public async Task Only_the_uploader_and_the_system_administrator_see_an_import_others_get_404()
    {
        var id = await QueueAsync(Contracts("2024BG03", 2));
        await fx.RunImportAsync(id);
        foreach (var user in new[] { "bureau", "bureau.admin" })
        {
            var client = await fx.As(user);
            (await client.GetAsync($"/imports/{id}")).StatusCode.Should().Be(HttpStatusCode.OK, user);
            (await client.GetAsync($"/imports/{id}/progress")).StatusCode.Should().Be(HttpStatusCode.OK, user);
        }

        foreach (var user in new[] { "leader.city", "ent.a", "county.huaining", "registrar.city" })
        {
            var client = await fx.As(user);
            (await client.GetAsync($"/imports/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound, user);
            (await client.GetAsync($"/imports/{id}/progress")).StatusCode.Should().Be(HttpStatusCode.NotFound, user);
        }

        (await (await fx.As("bureau")).GetAsync($"/imports/{Guid.NewGuid()}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    private ImportRecovery Recovery() => fx.Factory.Services.GetServices<IHostedService>().OfType<ImportRecovery>().Single();

    [Fact]
    public async Task An_import_a_restart_cut_off_ends_as_failed_with_nothing_written_and_its_uploader_told()
    {
        var bureau = await fx.As("bureau");
        var id = await QueueAsync(Contracts("2024BG04", 5));
        // The job took the import on this instance, then the instance stopped: the job never ran on.
        await fx.WithDbAsync(async (db, _) =>
        {
            var job = await db.ImportJobs.SingleAsync(j => j.Id == id);
            job.Start(fx.Clock.GetUtcNow(), Environment.MachineName);
            await db.SaveChangesAsync();
        });
        Counts(await ProgressAsync(bureau, id)).State.Should().Be("Running");

        (await Recovery().RecoverAsync(Environment.MachineName, CancellationToken.None)).Should().BeGreaterThanOrEqualTo(1);

        var failed = await JobAsync(id);
        failed.State.Should().Be(ImportState.Failed);
        failed.FailureReason.Should().Be("服务重启中断");
        Counts(await ProgressAsync(bureau, id)).Should().Be(("Failed", 0, 0, 0, 100, true));
        (await ProgressAsync(bureau, id)).GetProperty("stateName").GetString().Should().Be("失败（服务重启中断）");
        (await CountAsync("2024BG04")).Should().Be(0);
        var page = await bureau.GetPageAsync($"/imports/{id}");
        page.QuerySelector("#import-state")!.TextContent.Should().Be("失败（服务重启中断）");
        page.QuerySelector("#import-result")!.TextContent.Should().Contain("未导入任何记录");
        var message = await fx.WithDbAsync((db, _) => db.Notifications.AsNoTracking().SingleAsync(n => n.Link == $"/imports/{id}"));
        message.Title.Should().Be("导入失败：外地登记的吸纳合同");
        message.Body.Should().Contain("失败（服务重启中断）");

        // Hangfire delivering the job again after the restart does not bring it back.
        await fx.RunImportAsync(id);
        (await JobAsync(id)).State.Should().Be(ImportState.Failed);
        (await CountAsync("2024BG04")).Should().Be(0);
    }

    [Fact]
    public async Task An_import_stopped_mid_run_rolls_back_and_ends_as_interrupted()
    {
        var id = await QueueAsync(Contracts("2024BG05", 30));
        using var stopping = new CancellationTokenSource();
        await fx.RunImportAsync(id, _ =>
        {
            stopping.Cancel(); // the app is stopping while the import's transaction is open
            return Task.CompletedTask;
        }, stopping.Token);

        var job = await JobAsync(id);
        job.State.Should().Be(ImportState.Failed);
        job.FailureReason.Should().Be("服务重启中断");
        (await CountAsync("2024BG05")).Should().Be(0, "the import's transaction was rolled back");
    }

    [Fact]
    public async Task Recovery_leaves_an_import_another_instance_is_running_and_fails_one_whose_job_stopped_reporting()
    {
        var live = await QueueAsync(Contracts("2024BG06", 1));
        var lost = await QueueAsync(Contracts("2024BG07", 1));
        await fx.WithDbAsync(async (db, _) =>
        {
            var now = fx.Clock.GetUtcNow();
            (await db.ImportJobs.SingleAsync(j => j.Id == live)).Start(now, "other-instance");
            (await db.ImportJobs.SingleAsync(j => j.Id == lost)).Start(now - TimeSpan.FromMinutes(3), "other-instance");
            await db.SaveChangesAsync();
        });

        await Recovery().RecoverAsync("this-instance", CancellationToken.None);

        (await JobAsync(live)).State.Should().Be(ImportState.Running, "another instance is running it and reported a minute ago at most");
        (await JobAsync(lost)).State.Should().Be(ImportState.Failed);
        (await JobAsync(lost)).FailureReason.Should().Be("服务重启中断");
    }
}
