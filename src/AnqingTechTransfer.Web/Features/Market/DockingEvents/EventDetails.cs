using AnqingTechTransfer.Domain.Matching;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Market.DockingEvents;

public sealed record EventView(DockingEvent Event, IReadOnlyList<(Guid Id, string Title, string Organization)> Needs, IReadOnlyList<(Guid Id, string Title, string Organization)> Results,
    bool IsOrganizer, IReadOnlyList<(Guid Id, string Title, bool IsNeed)> Candidates);

/// <summary>An event with the listings taking part that are still public; its organizer also gets the published listings it may add.</summary>
public sealed class EventDetailsHandler(PortalDbContext db, DockingEventPermissions permissions) : IUseCase
{
    public async Task<EventView?> HandleAsync(Guid id, CancellationToken ct)
    {
        var e = await db.DockingEvents.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (e is null)
        {
            return null;
        }

        // Only what is still public is shown; a listing withdrawn since drops out of the page.
        var needs = await db.TechNeeds.AsNoTracking().Where(n => e.NeedIds.Contains(n.Id) && n.Status == ListingStatus.Published)
            .Select(n => new ValueTuple<Guid, string, string>(n.Id, n.Title, n.OrganizationName)).ToListAsync(ct);
        var results = await db.TechResults.AsNoTracking().Where(r => e.ResultIds.Contains(r.Id) && r.Status == ListingStatus.Published)
            .Select(r => new ValueTuple<Guid, string, string>(r.Id, r.Title, r.OrganizationName)).ToListAsync(ct);
        var organizer = permissions.Allows(DockingEventPermissions.Organize, e);
        var candidates = new List<(Guid, string, bool)>();
        if (organizer)
        {
            var region = permissions.CandidateRegion;
            candidates.AddRange((await db.TechNeeds.AsNoTracking().Where(n => n.Status == ListingStatus.Published && (region == null || n.RegionCode == region) && !e.NeedIds.Contains(n.Id))
                .OrderByDescending(n => n.PublishedAt).Take(30).Select(n => new { n.Id, n.Title }).ToListAsync(ct)).Select(n => (n.Id, n.Title, true)));
            candidates.AddRange((await db.TechResults.AsNoTracking().Where(r => r.Status == ListingStatus.Published && (region == null || r.RegionCode == region) && !e.ResultIds.Contains(r.Id))
                .OrderByDescending(r => r.PublishedAt).Take(30).Select(r => new { r.Id, r.Title }).ToListAsync(ct)).Select(r => (r.Id, r.Title, false)));
        }

        return new EventView(e, needs, results, organizer, candidates);
    }
}
