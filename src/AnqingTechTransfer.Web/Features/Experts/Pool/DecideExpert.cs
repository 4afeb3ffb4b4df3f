using AnqingTechTransfer.Domain.Experts;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Experts.Pool;

/// <summary>
/// The bureau keeps the pool: approves or rejects an application, suspends, reinstates, removes (with reasons),
/// re-evaluates yearly, and records integrity events. A broken rule stays the filter's flash message (no form here).
/// </summary>
public sealed class DecideExpertHandler(PortalDbContext db, ExpertPermissions permissions, ICurrentActor actor, TimeProvider clock) : IUseCase
{
    public async Task<RecordResult<Guid>> HandleAsync(Guid id, string step, string? reason, DateOnly? until, uint version, CancellationToken ct)
    {
        var expert = await db.Experts.SingleOrDefaultAsync(e => e.Id == id, ct);
        if (expert is null)
        {
            return RecordResult<Guid>.NotFound;
        }

        if (!permissions.ManagesPool)
        {
            return RecordResult<Guid>.Forbidden;
        }

        db.Entry(expert).Property(e => e.Version).OriginalValue = version;
        var today = Display.Today(clock);
        switch (step)
        {
            case "approve": expert.Approve(today); break;
            case "reject": expert.Reject(reason ?? string.Empty); break;
            case "suspend": expert.Suspend(reason ?? string.Empty, until); break;
            case "reinstate": expert.Reinstate(reason ?? string.Empty, today); break;
            case "remove": expert.Remove(reason ?? string.Empty); break;
            default: expert.Reevaluate(today); break;
        }

        await db.SaveChangesAsync(ct);
        return RecordResult<Guid>.Done(id);
    }

    public async Task<RecordResult<Guid>> RecordIntegrityAsync(Guid id, IntegrityEventKind kind, string? evidence, Sanction sanction, DateOnly? until,
        CancellationToken ct)
    {
        var expert = await db.Experts.Include(e => e.Events).SingleOrDefaultAsync(e => e.Id == id, ct);
        if (expert is null)
        {
            return RecordResult<Guid>.NotFound;
        }

        if (!permissions.ManagesPool)
        {
            return RecordResult<Guid>.Forbidden;
        }

        db.Add(expert.Record(kind, evidence ?? string.Empty, sanction, until, actor.DisplayName, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return RecordResult<Guid>.Done(id);
    }
}
