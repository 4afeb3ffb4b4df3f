using System.Diagnostics;
using System.Text.Json;
using AnqingTechTransfer.Domain.Imports;
using AnqingTechTransfer.Domain.Messaging;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Contracts.Import;
using AnqingTechTransfer.Web.Features.Contracts.List;
using AnqingTechTransfer.Web.Features.Enterprises.Import;
using AnqingTechTransfer.Web.Features.Enterprises;
using AnqingTechTransfer.Web.Features.Messages;
using AnqingTechTransfer.Web.Infrastructure;
using System.Security.Claims;
using AnqingTechTransfer.Web.Tenancy;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Imports;

/// <summary>What Hangfire stores for an import is its id; the runner is resolved here in a scope of its own, as the system.</summary>
public class ImportJobDispatcher(IServiceScopeFactory scopes)
{
    /// <summary>No automatic retry: an import that failed wrote nothing, and its uploader is told to import again.</summary>
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(Guid importId, CancellationToken ct)
    {
        using var system = CurrentActor.BeginSystemScope();
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ImportJobRunner>().RunAsync(importId, ct);
    }
}

/// <summary>
/// An export runs as its requester, with the rights the requester has when it runs (not when it was asked for): the
/// requester's principal is made as at sign-in and set as the scope's user, so the tenancy filters, the contract queue and
/// the audit row are theirs. A requester disabled or locked out since gets no file. Finished exports' workbooks older than
/// <see cref="ImportJob.ExportKeptFor"/> are dropped here.
/// </summary>
public class ExportJobDispatcher(IServiceScopeFactory scopes, TimeProvider clock)
{
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(Guid exportId, CancellationToken ct)
    {
        System.Security.Claims.ClaimsPrincipal principal;
        using (CurrentActor.BeginSystemScope())
        {
            await using var lookup = scopes.CreateAsyncScope();
            var db = lookup.ServiceProvider.GetRequiredService<PortalDbContext>();
            var expired = clock.GetUtcNow() - ImportJob.ExportKeptFor;
            await db.ImportFiles.Where(f => db.ImportJobs.Any(j => j.Id == f.Id && j.Kind == ImportKind.ContractExport && j.FinishedAt < expired)).ExecuteDeleteAsync(ct);
            var job = await db.ImportJobs.SingleOrDefaultAsync(j => j.Id == exportId && j.Kind == ImportKind.ContractExport, ct);
            if (job is null || job.IsFinished)
            {
                return;
            }

            var users = lookup.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<PortalUser>>();
            var user = await users.FindByIdAsync(job.UploadedById.ToString());
            if (user is null || user.IsDisabled || await users.IsLockedOutAsync(user))
            {
                await ImportJobRunner.FailAsync(db, lookup.ServiceProvider.GetRequiredService<Notifier>(), job, "导出人的账号已停用", clock.GetUtcNow(), ct);
                await db.SaveChangesAsync(ct);
                return;
            }

            principal = await lookup.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.IUserClaimsPrincipalFactory<PortalUser>>().CreateAsync(user);
        }

        await using var scope = scopes.CreateAsyncScope();
        var http = scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>();
        http.HttpContext = new DefaultHttpContext { User = principal, RequestServices = scope.ServiceProvider };
        try
        {
            await scope.ServiceProvider.GetRequiredService<ImportJobRunner>().RunAsync(exportId, ct);
        }
        finally
        {
            http.HttpContext = null;
        }
    }
}

/// <summary>
/// Runs one import job: takes a queued import, runs the module's import over the stored file as its uploader, reports rows
/// read, passed and rejected on a connection of its own (the import's transaction is not visible until it commits), and
/// ends the job — 已完成 in the import's own transaction with its rows, 有误未导入 with the reasons by line, or 失败 — with a
/// message to the uploader. Run twice, it does nothing the second time.
/// </summary>
public class ImportJobRunner(PortalDbContext db, IServiceScopeFactory scopes, ContractImportHandler contracts, QualificationImportHandler qualifications,
    ContractListHandler contractList, IHttpContextAccessor http, Notifier notifier, TimeProvider clock, ILogger<ImportJobRunner> logger)
{
    /// <summary>A running import with no progress for this long has lost its job (its instance stopped).</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(2);

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>For tests: called after each progress report is written (the import's transaction still open).</summary>
    public Func<Guid, Task>? AfterProgress { get; set; }

    public async Task RunAsync(Guid id, CancellationToken ct)
    {
        var job = await db.ImportJobs.SingleOrDefaultAsync(j => j.Id == id, ct);
        if (job is null || job.IsFinished)
        {
            return;
        }

        if (job.State == ImportState.Running)
        {
            // Delivered again: a live run goes on elsewhere; a run that stopped reporting was cut off with its instance.
            if (job.HeartbeatAt >= clock.GetUtcNow() - StaleAfter)
            {
                return;
            }

            await FailAsync(id, ImportJob.InterruptedReason, CancellationToken.None);
            return;
        }

        job.Start(clock.GetUtcNow(), Environment.MachineName);
        await db.SaveChangesAsync(ct);
        var bytes = await db.ImportFiles.Where(f => f.Id == id).Select(f => f.Bytes).SingleOrDefaultAsync(ct);
        if (bytes is null)
        {
            await FailAsync(id, "上传的文件已不存在", CancellationToken.None);
            return;
        }

        await using var content = new MemoryStream(bytes, writable: false);
        await using var progress = new ImportProgressWriter(scopes, id, clock, () => content.Length == 0 ? 0 : content.Position * 90 / content.Length, AfterProgress);
        try
        {
            switch (job.Kind)
            {
                case ImportKind.ContractExport:
                    await ExportContractsAsync(job, bytes, progress, ct);
                    break;
                case ImportKind.AbsorbedContracts:
                    var contractResult = await contracts.ImportAsync(content, job.IsExcel, new ImportRun<ContractImportResult>(job.UploadedById, job.UploadedByName, job.OrganizationId)
                    {
                        Progress = progress.ReportAsync,
                        Completing = r => Complete(job, r.Rows, Stored(r)),
                    }, ct);
                    if (!contractResult.Succeeded)
                    {
                        await RejectAsync(job, contractResult.Rows, progress.Last, contractResult.Problems, Stored(contractResult), ct);
                    }

                    break;
                default:
                    var list = ImportNames.ListOf(job.Kind);
                    var listResult = await qualifications.ImportAsync(list, content, job.IsExcel, new ImportRun<ImportResult>(job.UploadedById, job.UploadedByName, job.OrganizationId)
                    {
                        Progress = progress.ReportAsync,
                        Completing = r => Complete(job, r.Rows, JsonSerializer.Serialize(r, Json)),
                    }, ct);
                    if (!listResult.Succeeded)
                    {
                        await RejectAsync(job, listResult.Rows, progress.Last, listResult.Problems, JsonSerializer.Serialize(listResult, Json), ct);
                    }

                    break;
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The app is stopping: the import's transaction is rolled back, so the job ends as a restart ends it.
            await FailAsync(id, ImportJob.InterruptedReason, CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Import {ImportId} failed", id);
            await FailAsync(id, job.IsExport ? "导出时发生错误，请稍后重新导出；如仍失败，请联系系统管理员" : "导入时发生错误，请稍后重新导入；如仍失败，请联系系统管理员", CancellationToken.None);
        }
    }

    /// <summary>
    /// 技术合同列表导出, run as its requester (ExportJobDispatcher): the list as the filter and the requester's rights give it
    /// now, read with progress, written as the same workbook the list's own export gives, kept with the job for its requester.
    /// </summary>
    private async Task ExportContractsAsync(ImportJob job, byte[] filterJson, ImportProgressWriter progress, CancellationToken ct)
    {
        // Never as the system (which sees the whole city): only as the requester, set by ExportJobDispatcher.
        var user = http.HttpContext?.User;
        if (db.Actor.IsSystem || user?.FindFirstValue(ClaimTypes.NameIdentifier) != job.UploadedById.ToString())
        {
            throw new InvalidOperationException("An export runs as its requester only");
        }

        var filter = JsonSerializer.Deserialize<ContractFilter>(filterJson, Json) ?? new ContractFilter();
        var total = Math.Min(await contractList.ExportCountAsync(filter, ct), ExcelExport.MaxRows);
        progress.Share = read => total == 0 ? 0 : (long)read * 90 / total;
        var rows = await contractList.ExportAsync(filter, ct, read => progress.ReportAsync(new ImportCounts(read, read, 0), false, ct));
        await progress.ReportAsync(new ImportCounts(rows.Count, rows.Count, 0), true, ct);
        var file = await ExcelExport.BuildAsync(new Dictionary<string, object> { [ImportNames.ContractSheet] = rows }, ImportNames.ContractSheet, user, clock);
        var now = clock.GetUtcNow();
        job.Succeed(rows.Count, JsonSerializer.Serialize(new ExportResult(file.FileName, rows.Count, rows.Count >= ExcelExport.MaxRows, now + ImportJob.ExportKeptFor), Json), now);
        var stored = await db.ImportFiles.SingleAsync(f => f.Id == job.Id, ct);
        stored.Bytes = file.Bytes;
        notifier.ToUser(job.UploadedById, $"导出完成：{ImportNames.KindName(job.Kind)}",
            $"共导出 {rows.Count} 行，文件“{file.FileName}”已生成，请在 {ImportJob.ExportKeptFor.Days} 天内下载。", ImportNames.Link(job.Id), MessageKind.BackgroundWork);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The contract result as kept: the notes (one per row at most) are kept up to the number the page lists.</summary>
    private static string Stored(ContractImportResult r) =>
        JsonSerializer.Serialize(r with { Notes = [.. r.Notes.Take(ContractImportHandler.MaxProblems)] }, Json);

    /// <summary>Inside the import's transaction: the job ends with its rows, its file goes, the uploader is told.</summary>
    private void Complete(ImportJob job, int rows, string resultJson)
    {
        job.Succeed(rows, resultJson, clock.GetUtcNow());
        db.ImportFiles.Remove(new ImportFile { Id = job.Id });
        notifier.ToUser(job.UploadedById, $"导入完成：{ImportNames.KindName(job.Kind)}",
            $"文件“{job.FileName}”已导入，共读取 {rows} 行。点击查看导入结果。", ImportNames.Link(job.Id), MessageKind.BackgroundWork);
    }

    private async Task RejectAsync(ImportJob job, int rows, ImportCounts counts, IReadOnlyList<Infrastructure.ImportProblem> problems, string resultJson, CancellationToken ct)
    {
        db.ChangeTracker.Clear(); // nothing of the import is kept
        db.Attach(job);
        var rejected = Math.Max(ImportRun<object>.RejectedLines(problems), counts.Rejected);
        job.Reject(rows, Math.Min(counts.Passed, rows), rejected, resultJson, clock.GetUtcNow());
        db.ImportFiles.Remove(new ImportFile { Id = job.Id });
        notifier.ToUser(job.UploadedById, $"导入未完成：{ImportNames.KindName(job.Kind)}文件有误",
            $"文件“{job.FileName}”中有 {problems.Count} 处错误，本批次未导入任何记录。点击查看各行的行号和原因，修改后重新导入。", ImportNames.Link(job.Id), MessageKind.BackgroundWork);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Ends a job that stopped, in a unit of work of its own (the run's may hold what was rolled back).</summary>
    private async Task FailAsync(Guid id, string reason, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var fresh = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var job = await fresh.ImportJobs.SingleOrDefaultAsync(j => j.Id == id, ct);
        if (job is null || job.IsFinished)
        {
            return;
        }

        await FailAsync(fresh, scope.ServiceProvider.GetRequiredService<Notifier>(), job, reason, clock.GetUtcNow(), ct);
        await fresh.SaveChangesAsync(ct);
    }

    /// <summary>Marks a job failed, drops its file and tells its uploader (saved by the caller).</summary>
    internal static async Task FailAsync(PortalDbContext db, Notifier notifier, ImportJob job, string reason, DateTimeOffset now, CancellationToken ct)
    {
        job.Fail(reason, now);
        if (await db.ImportFiles.AnyAsync(f => f.Id == job.Id, ct))
        {
            db.ImportFiles.Remove(new ImportFile { Id = job.Id });
        }

        notifier.ToUser(job.UploadedById, job.IsExport ? $"导出失败：{ImportNames.KindName(job.Kind)}" : $"导入失败：{ImportNames.KindName(job.Kind)}",
            job.IsExport ? $"{ImportNames.KindName(job.Kind)}{ImportNames.StateName(job.Kind, job.State, reason)}，未生成文件，请重新导出。"
                : $"文件“{job.FileName}”的导入{ImportNames.StateName(job.Kind, job.State, reason)}，本批次未导入任何记录，请重新导入。", ImportNames.Link(job.Id), MessageKind.BackgroundWork);
    }
}

/// <summary>
/// Writes an import's progress on a connection of its own, at most four times a second and once when reading is over: the
/// rows read, passed and rejected, how far (the share of the file or of the rows read, up to 90 %), and the heartbeat.
/// </summary>
internal sealed class ImportProgressWriter(IServiceScopeFactory scopes, Guid id, TimeProvider clock, Func<long> share, Func<Guid, Task>? after) : IAsyncDisposable
{
    /// <summary>How far, 0–90, from the rows read (an export, whose total is known); by default the share of the file read.</summary>
    public Func<int, long>? Share { get; set; }

    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(250);
    private AsyncServiceScope? _scope;
    private long _last;

    public ImportCounts Last { get; private set; }

    public async Task ReportAsync(ImportCounts counts, bool final, CancellationToken ct)
    {
        Last = counts;
        if (!final && Stopwatch.GetElapsedTime(_last) < Every)
        {
            return;
        }

        _last = Stopwatch.GetTimestamp();
        var percent = final ? 90 : (int)Math.Min(89, Share is { } byRows ? byRows(counts.Read) : share());
        _scope ??= scopes.CreateAsyncScope();
        var db = _scope.Value.ServiceProvider.GetRequiredService<PortalDbContext>();
        var now = clock.GetUtcNow();
        await db.ImportJobs.Where(j => j.Id == id && j.State == ImportState.Running).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.RowsRead, counts.Read).SetProperty(j => j.RowsPassed, counts.Passed).SetProperty(j => j.RowsRejected, counts.Rejected)
            .SetProperty(j => j.Percent, percent).SetProperty(j => j.HeartbeatAt, now), ct);
        if (after is not null)
        {
            await after(id);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_scope is { } scope)
        {
            await scope.DisposeAsync();
        }
    }
}
