using AnqingTechTransfer.Domain.Carriers;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Carriers.PilotServices;

/// <summary>The requests the user's organization made or received (the tenant filter), and which organization that is.</summary>
public sealed record RequestsPage(PagedList<ServiceRequest> Requests, Guid Me);

/// <summary>
/// The pilot-service requests of the user's organization; the base answers (accepts or declines) and completes the ones
/// made to it, on the version it read. A broken rule stays the filter's flash message.
/// </summary>
public class ServiceRequestsHandler(PortalDbContext db, ICurrentActor actor, CarrierPermissions permissions, TimeProvider clock) : IUseCase
{
    public async Task<RequestsPage> ListAsync(int page, CancellationToken ct) =>
        new(await db.ServiceRequests.AsNoTracking().OrderBy(r => r.Status).ThenByDescending(r => r.CreatedAt).ThenBy(r => r.Id).ToPagedListAsync(page, ct: ct),
            actor.OrganizationId);

    public async Task<RecordResult<ServiceRequest>> AnswerAsync(Guid id, bool accept, string? reply, uint version, CancellationToken ct) =>
        await db.StepAsync(await db.ServiceRequests.SingleOrDefaultAsync(r => r.Id == id, ct), permissions.Answers, version, r => r.Answer(accept, reply), ct);

    public async Task<RecordResult<ServiceRequest>> CompleteAsync(Guid id, string? outcome, uint version, CancellationToken ct) =>
        await db.StepAsync(await db.ServiceRequests.SingleOrDefaultAsync(r => r.Id == id, ct), permissions.Answers, version,
            r => r.Complete(outcome ?? string.Empty, clock.GetUtcNow()), ct);
}
