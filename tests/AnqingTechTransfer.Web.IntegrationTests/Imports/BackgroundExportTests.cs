using System.Net;
using AnqingTechTransfer.Domain.Imports;
using AnqingTechTransfer.Web.Features.Imports;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace AnqingTechTransfer.Web.IntegrationTests.Imports;

/// <summary>An app whose contract list exports more than three rows in the background (the default is 5,000).</summary>
public class SmallExportFixture : PortalFixture
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string> { ["Contracts:InlineExportRows"] = "3" };
}

/// <summary>
/// Issue 25 §3, the other direction: a contract list larger than the request's share is exported by a job, as its
/// requester and with the rights the requester has when it runs. The requester is asked first, the job reports rows
/// written, the workbook waits on the job's page for its requester only, and the requester is told when it is ready.
/// </summary>
public class BackgroundExportTests(SmallExportFixture fx) : IClassFixture<SmallExportFixture>
{
    /// <summary>Runs an export's job as Hangfire would: from the app's root, outside any system scope.</summary>
    private Task RunExportAsync(Guid id) =>
        ActivatorUtilities.CreateInstance<ExportJobDispatcher>(fx.Factory.Services).RunAsync(id, CancellationToken.None);

    private Task<ImportJob> JobAsync(Guid id) => fx.WithDbAsync((db, _) => db.ImportJobs.AsNoTracking().SingleAsync(j => j.Id == id));

    /// <summary>Asks for the export as <paramref name="client"/> and confirms it on the question page; returns the job's id.</summary>
    private static async Task<(Guid Id, int Rows)> QueueAsync(PortalClient client, string query)
    {
        var question = await client.GetPageAsync("/contracts/export" + query);
        var rows = int.Parse(question.QuerySelector("#large-export-rows")!.TextContent.Replace(",", ""));
        var form = question.QuerySelector("#large-export form")!;
        var fields = form.QuerySelectorAll("input[type=hidden]").Where(i => i.GetAttribute("name") != "__RequestVerificationToken")
            .Select(i => (i.GetAttribute("name")!, i.GetAttribute("value") ?? "")).ToArray();
        var response = await client.PostPairsAsync(form.GetAttribute("action")!, fields);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var location = response.Headers.Location!.OriginalString;
        location.Should().MatchRegex("^/imports/[0-9a-f-]{36}$");
        return (Guid.Parse(location["/imports/".Length..]), rows);
    }

    private static List<IDictionary<string, object>> Sheet(byte[] workbook, string sheet)
    {
        using var stream = new MemoryStream(workbook);
        return MiniExcel.Query(stream, useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object>>().ToList();
    }

    [Fact]
    public async Task A_large_list_is_exported_in_the_background_as_its_requester_with_progress_a_message_and_a_file_for_the_requester_only()
    {
        var county = await fx.As("county.huaining");
        var list = (await county.GetPageAsync("/contracts?region=340822&side=absorbed")).Body!.TextContent;
        var listed = int.Parse(System.Text.RegularExpressions.Regex.Match(list, @"共 ([\d,]+) 条，第").Groups[1].Value.Replace(",", ""));
        var (id, rows) = await QueueAsync(county, "?region=340822&side=absorbed");
        rows.Should().BeGreaterThan(3).And.Be(listed, "the question counts what the list shows");

        var queued = await county.GetPageAsync($"/imports/{id}");
        queued.QuerySelector("h1")!.TextContent.Should().Be("技术合同列表导出");
        queued.QuerySelector("#import-state")!.TextContent.Should().Be("排队中");
        queued.QuerySelector("#progress-read").Should().NotBeNull();
        queued.QuerySelector("#progress-passed").Should().BeNull("an export counts only the rows written");
        queued.QuerySelector("#import-running-note")!.TextContent.Should().Contain("导出在后台进行");
        (await county.GetAsync($"/imports/{id}/file")).StatusCode.Should().Be(HttpStatusCode.NotFound, "there is no file before the job has run");

        await RunExportAsync(id);

        var job = await JobAsync(id);
        job.State.Should().Be(ImportState.Succeeded);
        job.RowsRead.Should().Be(rows);
        job.Percent.Should().Be(100);
        var done = await county.GetPageAsync($"/imports/{id}");
        done.QuerySelector("#import-state")!.TextContent.Should().Be("已完成");
        done.QuerySelector("#import-result")!.TextContent.Should().Contain($"已导出 {rows:N0} 行").And.Contain("文件保留至");
        var link = done.QuerySelector("#export-download")!;
        link.GetAttribute("href").Should().Be($"/imports/{id}/file");

        var file = await county.GetAsync($"/imports/{id}/file");
        file.StatusCode.Should().Be(HttpStatusCode.OK);
        file.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        file.Content.Headers.ContentDisposition!.FileNameStar.Should().StartWith("技术合同-").And.EndWith(".xlsx");
        var workbook = await file.Content.ReadAsByteArrayAsync();
        Sheet(workbook, "技术合同").Should().HaveCount(rows, "the file holds what the requester's list holds");
        Sheet(workbook, "导出信息").Single(r => (string)r["项目"] == "导出人")["内容"].Should().Be("赵主任（怀宁县科技局） (county.huaining)", "the job ran as its requester");

        // As its requester: the county's rows only, not the city's (the bureau's same export holds more).
        var bureau = await fx.As("bureau");
        var (cityId, cityRows) = await QueueAsync(bureau, "?side=absorbed");
        cityRows.Should().BeGreaterThan(rows, "the bureau sees the whole city, the county its own region");
        await RunExportAsync(cityId);
        (await JobAsync(cityId)).RowsRead.Should().Be(cityRows);

        // The requester is told, once, with a link to the page; the export is audited as theirs.
        var message = await fx.WithDbAsync((db, _) => db.Notifications.AsNoTracking().SingleAsync(n => n.Link == $"/imports/{id}"));
        message.Title.Should().Be("导出完成：技术合同列表导出");
        message.Body.Should().Contain($"共导出 {rows} 行").And.Contain("7 天内下载");
        (await fx.WithDbAsync((db, _) => db.AuditEntries.CountAsync(a => a.Action == "导出" && a.UserName == "county.huaining" && a.Details == $"技术合同列表 {rows} 行")))
            .Should().Be(1);

        // Nobody else opens the page or the file: not the bureau's staff, not another county.
        foreach (var other in new[] { "bureau", "county.qianshan", "ent.a" })
        {
            var client = await fx.As(other);
            (await client.GetAsync($"/imports/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound, other);
            (await client.GetAsync($"/imports/{id}/file")).StatusCode.Should().Be(HttpStatusCode.NotFound, other);
        }

        // Delivered again: nothing changes.
        await RunExportAsync(id);
        (await fx.WithDbAsync((db, _) => db.Notifications.CountAsync(n => n.Link == $"/imports/{id}"))).Should().Be(1);
    }

    [Fact]
    public async Task A_small_list_is_answered_at_once_and_the_question_page_posts_the_same_filter()
    {
        var county = await fx.As("county.huaining");
        var small = await county.GetAsync("/contracts/export?q=" + Uri.EscapeDataString("不存在的合同名称XYZ"));
        small.StatusCode.Should().Be(HttpStatusCode.OK);
        small.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        var question = await county.GetPageAsync("/contracts/export?region=340822&side=absorbed&page=3");
        var names = question.QuerySelectorAll("#large-export input[type=hidden]").Select(i => i.GetAttribute("name")).ToList();
        names.Should().Contain(["region", "side"]).And.NotContain("page");
        question.QuerySelector("#large-export button[type=submit]")!.TextContent.Should().Be("后台生成 Excel");
    }

    [Fact]
    public async Task An_export_never_runs_as_the_system_and_a_requester_disabled_since_gets_no_file()
    {
        var county = await fx.As("county.qianshan");
        var (id, _) = await QueueAsync(county, "?region=340882");

        // The import runner, as the system (which sees the whole city), refuses an export.
        await fx.RunImportAsync(id);
        var refused = await JobAsync(id);
        refused.State.Should().Be(ImportState.Failed);
        (await fx.WithDbAsync((db, _) => db.ImportFiles.CountAsync(f => f.Id == id))).Should().Be(0);

        var (second, _) = await QueueAsync(county, "?region=340882");
        await fx.WithDbAsync(async (db, _) =>
        {
            var user = await db.Users.SingleAsync(u => u.UserName == "county.qianshan");
            user.IsDisabled = true;
            await db.SaveChangesAsync();
        });
        try
        {
            await RunExportAsync(second);
            var job = await JobAsync(second);
            job.State.Should().Be(ImportState.Failed);
            job.FailureReason.Should().Be("导出人的账号已停用");
            (await fx.WithDbAsync((db, _) => db.ImportFiles.CountAsync(f => f.Id == second))).Should().Be(0);
            var message = await fx.WithDbAsync((db, _) => db.Notifications.AsNoTracking().SingleAsync(n => n.Link == $"/imports/{second}"));
            message.Title.Should().Be("导出失败：技术合同列表导出");
        }
        finally
        {
            await fx.WithDbAsync(async (db, _) =>
            {
                var user = await db.Users.SingleAsync(u => u.UserName == "county.qianshan");
                user.IsDisabled = false;
                await db.SaveChangesAsync();
            });
        }
    }
}
