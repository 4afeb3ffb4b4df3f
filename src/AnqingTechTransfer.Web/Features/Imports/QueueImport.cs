using AnqingTechTransfer.Domain.Imports;
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
        Enqueue(jobs, job.Id);
        return job.Id;
    }

    public static void Enqueue(IBackgroundJobClient jobs, Guid id) => jobs.Enqueue<ImportJobDispatcher>(d => d.RunAsync(id, CancellationToken.None));
}
