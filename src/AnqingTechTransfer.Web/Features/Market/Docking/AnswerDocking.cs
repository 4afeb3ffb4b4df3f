using AnqingTechTransfer.Domain.Matching;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Market.Docking;

/// <summary>
/// The recipient accepts or declines a request; either party writes in its conversation. A broken rule stays the filter's
/// flash message (no form here).
/// </summary>
public sealed class AnswerDockingHandler(PortalDbContext db, ICurrentActor actor, DockingPermissions permissions, TimeProvider clock) : IUseCase
{
    public async Task<RecordResult<DockingRequest>> DecideAsync(Guid id, bool accept, string? reply, uint version, CancellationToken ct) =>
        await db.StepAsync(await db.DockingRequests.SingleOrDefaultAsync(r => r.Id == id, ct), r => permissions.Allows(DockingPermissions.Decide, r), version,
            r => r.Decide(actor.OrganizationId, accept, reply, clock.GetUtcNow()), ct);

    public async Task<RecordResult<DockingRequest>> PostAsync(Guid id, string? text, uint version, CancellationToken ct)
    {
        var name = await db.Organizations.AsNoTracking().Where(o => o.Id == actor.OrganizationId).Select(o => o.Name).SingleOrDefaultAsync(ct) ?? string.Empty;
        return await db.StepAsync(await db.DockingRequests.SingleOrDefaultAsync(r => r.Id == id, ct), r => permissions.Allows(DockingPermissions.Converse, r), version,
            r => r.Post(actor.OrganizationId, name, text ?? string.Empty, clock.GetUtcNow()), ct);
    }
}
