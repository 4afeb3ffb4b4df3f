using AnqingTechTransfer.Domain.Matching;
using AnqingTechTransfer.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Market;

/// <summary>One need or one result by its id, through the tenant filter: read only, or tracked for a change.</summary>
public static class MarketListings
{
    public static async Task<MarketListing?> ReadListingAsync(this PortalDbContext db, bool isNeed, Guid id, CancellationToken ct) =>
        isNeed
            ? await db.TechNeeds.AsNoTracking().SingleOrDefaultAsync(l => l.Id == id, ct)
            : await db.TechResults.AsNoTracking().SingleOrDefaultAsync(l => l.Id == id, ct);

    public static async Task<MarketListing?> TrackListingAsync(this PortalDbContext db, bool isNeed, Guid id, CancellationToken ct) =>
        isNeed
            ? await db.TechNeeds.SingleOrDefaultAsync(l => l.Id == id, ct)
            : await db.TechResults.SingleOrDefaultAsync(l => l.Id == id, ct);
}
