using AnqingTechTransfer.Domain.Infringers;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Supervision.Infringers;

public sealed record InfringerListView(PagedList<InfringerEntry> Entries, string? Query, bool IsRecorder, bool Manage, InfringerListing? Listing, DateOnly Today);

/// <summary>
/// The list, searched by name or credit code: the public one (entries in their publication period, newest first) and the
/// whole list for those who keep or read it (every entry, by status, latest recorded first).
/// </summary>
public class ListInfringersHandler(PortalDbContext db, TimeProvider clock) : IUseCase
{
    public async Task<InfringerListView> PublicAsync(string? q, int page, bool isRecorder, CancellationToken ct)
    {
        var today = Display.Today(clock);
        var query = Search(InfringerCheckHandler.InForce(db.InfringerEntries.AsNoTracking(), today), q);
        var entries = await query.OrderByDescending(e => e.PublishFrom).ThenBy(e => e.Id).ToPagedListAsync(page, ct: ct);
        return new InfringerListView(entries, q, isRecorder, false, null, today);
    }

    public async Task<InfringerListView> ManageAsync(string? q, InfringerListing? listing, int page, bool isRecorder, CancellationToken ct)
    {
        var query = Search(db.InfringerEntries.AsNoTracking(), q);
        query = listing is { } l ? query.Where(e => e.Listing == l) : query;
        var entries = await query.OrderByDescending(e => e.RecordedAt).ThenBy(e => e.Id).ToPagedListAsync(page, ct: ct);
        return new InfringerListView(entries, q, isRecorder, true, listing, Display.Today(clock));
    }

    private static IQueryable<InfringerEntry> Search(IQueryable<InfringerEntry> query, string? q)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return query;
        }

        var term = q.Trim();
        var code = CreditCode.Normalize(term);
        return query.Where(e => e.EnterpriseName.Contains(term) || e.CreditCode == code);
    }
}
