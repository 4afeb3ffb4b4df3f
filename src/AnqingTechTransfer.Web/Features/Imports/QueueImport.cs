using System.Text.Json;
using AnqingTechTransfer.Domain.Imports;
using AnqingTechTransfer.Web.Features.Contracts.List;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Hangfire;

namespace AnqingTechTransfer.Web.Features.Imports;

/// <summary>
/// Stores an upload as an import job (the file kept with it until the job ends) and queues the job; the caller redirects
/// to /imports/{id}. The importing controller has checked the caller's right and the file's type.
/// </summary>
public sealed class QueueImport(PortalDbContext db, ICurrentActor actor, TimeProvider clock, IBackgroundJobClient jobs) : IUseCase
{
    public async Task<Guid> HandleAsync(ImportKind kind, string fileName, bool excel, Stream content, CancellationToken ct)
    {
        var job = ImportJob.Queue(kind, fileName, excel, actor.UserId, actor.UserName, actor.OrganizationId, clock.GetUtcNow());
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        db.ImportJobs.Add(job);
        db.ImportFiles.Add(new ImportFile { Id = job.Id, Bytes = buffer.ToArray() });
        await db.SaveChangesAsync(ct);
        // After the save: a job lost between the two is queued again at the next start (ImportRecovery); a job runs only a queued import.
        Enqueue(jobs, job.Id, kind);
        return job.Id;
    }

    /// <summary>
    /// The contract list, as filtered, exported in the background (a list larger than the request's share): the filter is kept
    /// with the job until it runs, as the requester, with the rights the requester then has.
    /// </summary>
    public async Task<Guid> ContractExportAsync(ContractFilter filter, CancellationToken ct)
    {
        filter.Page = 1;
        var job = ImportJob.Queue(ImportKind.ContractExport, ImportNames.KindName(ImportKind.ContractExport), true, actor.UserId, actor.UserName, actor.OrganizationId, clock.GetUtcNow());
        db.ImportJobs.Add(job);
        db.ImportFiles.Add(new ImportFile { Id = job.Id, Bytes = JsonSerializer.SerializeToUtf8Bytes(filter, ImportJobRunner.Json) });
        await db.SaveChangesAsync(ct);
        Enqueue(jobs, job.Id, job.Kind);
        return job.Id;
    }

    /// <summary>An import runs as the system (with the uploader's name on what it writes); an export as its requester.</summary>
    public static void Enqueue(IBackgroundJobClient jobs, Guid id, ImportKind kind)
    {
        if (kind == ImportKind.ContractExport)
        {
            jobs.Enqueue<ExportJobDispatcher>(d => d.RunAsync(id, CancellationToken.None));
        }
        else
        {
            jobs.Enqueue<ImportJobDispatcher>(d => d.RunAsync(id, CancellationToken.None));
        }
    }
}
