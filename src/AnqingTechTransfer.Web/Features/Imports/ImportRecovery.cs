using AnqingTechTransfer.Domain.Imports;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Messages;
using AnqingTechTransfer.Web.Infrastructure.Jobs;
using AnqingTechTransfer.Web.Tenancy;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AnqingTechTransfer.Web.Features.Imports;

/// <summary>
/// At the start of an instance that runs jobs: the imports it left running (its machine name), and any import whose job
/// stopped reporting (<see cref="ImportJobRunner.StaleAfter"/>), end as 失败（服务重启中断）. Their rows were never
/// committed (an import is written in one transaction with its end), so nothing is half-written; the uploader is told.
/// Imports still queued are queued again, in case their job was lost before it was stored (a job runs a queued import once).
/// </summary>
public class ImportRecovery(IServiceScopeFactory scopes, TimeProvider clock, IOptions<JobOptions> options, ILogger<ImportRecovery> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.RunServer)
        {
            return; // an instance that runs no jobs has no imports of its own to recover
        }

        try
        {
            await RecoverAsync(Environment.MachineName, cancellationToken);
            await RequeueAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Recovering the imports left running failed");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Fails the imports <paramref name="instance"/> left running and those no job reports on; returns how many.</summary>
    public async Task<int> RecoverAsync(string instance, CancellationToken ct)
    {
        using var system = CurrentActor.BeginSystemScope();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
        var now = clock.GetUtcNow();
        var stale = now - ImportJobRunner.StaleAfter;
        var left = await db.ImportJobs.Where(j => j.State == ImportState.Running && (j.Runner == instance || j.HeartbeatAt == null || j.HeartbeatAt < stale))
            .OrderBy(j => j.Id).ToListAsync(ct);
        foreach (var job in left)
        {
            await ImportJobRunner.FailAsync(db, notifier, job, ImportJob.InterruptedReason, now, ct);
        }

        await db.SaveChangesAsync(ct);
        return left.Count;
    }

    private async Task RequeueAsync(CancellationToken ct)
    {
        using var system = CurrentActor.BeginSystemScope();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var jobs = scope.ServiceProvider.GetRequiredService<IBackgroundJobClient>();
        var before = clock.GetUtcNow().AddMinutes(-1);
        foreach (var queued in await db.ImportJobs.Where(j => j.State == ImportState.Queued && j.CreatedAt < before).Select(j => new { j.Id, j.Kind }).ToListAsync(ct))
        {
            QueueImport.Enqueue(jobs, queued.Id, queued.Kind);
        }
    }
}
