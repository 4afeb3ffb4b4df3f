using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Market.DockingEvents;

public sealed record EventRow(Guid Id, string Title, string OrganizerName, DateOnly HeldOn, string Place, int Needs, int Results, int Outcomes);

public sealed record EventListPage(PagedList<EventRow> Rows, bool CanOrganize);

/// <summary>对接活动 announced to everyone, the latest first.</summary>
public sealed class EventListHandler(PortalDbContext db, DockingEventPermissions permissions) : IUseCase
{
    public async Task<EventListPage> HandleAsync(int page, CancellationToken ct)
    {
        // The listings and outcomes are JSON documents: the page is loaded, then counted.
        var events = await db.DockingEvents.AsNoTracking().OrderByDescending(e => e.HeldOn).ThenBy(e => e.Id).ToPagedListAsync(page, ct: ct);
        return new EventListPage(events.Map(e => new EventRow(e.Id, e.Title, e.OrganizerName, e.HeldOn, e.Place, e.NeedIds.Count, e.ResultIds.Count, e.Outcomes.Count)),
            permissions.MayOrganize);
    }
}
