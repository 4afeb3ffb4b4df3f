using AnqingTechTransfer.Domain.Matching;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Market.DockingEvents;

/// <summary>
/// The organizer adds the needs and results taking part and records the event's outcomes. A broken rule stays the
/// filter's flash message (no form here).
/// </summary>
public sealed class OrganizeEventHandler(PortalDbContext db, DockingEventPermissions permissions, TimeProvider clock) : IUseCase
{
    /// <summary>The count of listings added, when done.</summary>
    public async Task<RecordResult<int>> IncludeAsync(Guid id, List<Guid>? needIds, List<Guid>? resultIds, uint version, CancellationToken ct)
    {
        var e = await db.DockingEvents.SingleOrDefaultAsync(x => x.Id == id, ct);
        if (e is null)
        {
            return RecordResult<int>.NotFound;
        }

        if (!permissions.Allows(DockingEventPermissions.Organize, e))
        {
            return RecordResult<int>.Forbidden;
        }

        var (n, r) = (needIds ?? [], resultIds ?? []);
        var listings = new List<MarketListing>();
        listings.AddRange(await db.TechNeeds.AsNoTracking().Where(x => n.Contains(x.Id)).ToListAsync(ct));
        listings.AddRange(await db.TechResults.AsNoTracking().Where(x => r.Contains(x.Id)).ToListAsync(ct));
        db.Entry(e).Property(x => x.Version).OriginalValue = version;
        e.Include(listings);
        await db.SaveChangesAsync(ct);
        return RecordResult<int>.Done(listings.Count);
    }

    public async Task<RecordResult<DockingEvent>> RecordOutcomeAsync(Guid id, string? text, decimal? amount, uint version, CancellationToken ct) =>
        await db.StepAsync(await db.DockingEvents.SingleOrDefaultAsync(x => x.Id == id, ct), e => permissions.Allows(DockingEventPermissions.Organize, e), version,
            e => e.RecordOutcome(text ?? string.Empty, amount, Display.Today(clock)), ct);
}
