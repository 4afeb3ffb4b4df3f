using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Domain.Matching;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Market.Docking;

public sealed record DockingIndexView(PagedList<DockingRow> Rows, bool IsBureau, int NeedsSolved, int Accepted, int Total, bool Brokers = false, bool Waiting = false);

/// <summary>
/// The docking requests the user reads (the tenant filter keeps an owner to its own), newest first; the bureau also counts
/// the accepted ones and the needs a docking solved (those whose request led to a registered contract). <c>waiting</c> keeps the
/// requests received and not yet answered: what the 待回复 to-do counts (<see cref="MarketTodos"/>).
/// </summary>
public sealed class DockingListHandler(PortalDbContext db, ICurrentActor actor, DockingPermissions permissions) : IUseCase
{
    public async Task<DockingIndexView> HandleAsync(int page, bool waiting, CancellationToken ct)
    {
        var me = actor.OrganizationId;
        var query = DockingRows.Query(db);
        if (waiting)
        {
            query = query.Where(x => x.Request.Status == DockingStatus.Pending && x.Request.FromOrganizationId != me);
        }

        var rows = await query.OrderByDescending(x => x.Request.CreatedAt).ThenBy(x => x.Request.Id).Select(DockingRows.Row(me))
            .ToPagedListAsync(page, ct: ct);
        var solved = permissions.FollowsCity
            ? await db.DockingRequests.AsNoTracking().Where(r => r.ContractId != null)
                .Join(db.TechContracts.AsNoTracking().Where(c => c.Status == ContractStatus.Registered), r => r.ContractId, c => c.Id, (r, c) => r.NeedId)
                .Distinct().CountAsync(ct)
            : 0;
        var accepted = permissions.FollowsCity ? await db.DockingRequests.CountAsync(r => r.Status == DockingStatus.Accepted, ct) : 0;
        return new DockingIndexView(rows, permissions.FollowsCity, solved, accepted, rows.Total, permissions.Brokers, waiting);
    }
}
