using AnqingTechTransfer.Domain.Matching;
using AnqingTechTransfer.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Market;

/// <summary>A member-initialised shape (not a constructor), so EF can still filter and order on it.</summary>
public sealed class DockingJoin
{
    public required DockingRequest Request { get; init; }
    public required string NeedTitle { get; init; }
    public required string ResultTitle { get; init; }
}

/// <summary>Docking requests with the titles of both sides, for the lists (ordered and paged before the projection).</summary>
public static class DockingRows
{
    public static IQueryable<DockingJoin> Query(PortalDbContext db) =>
        db.DockingRequests.AsNoTracking()
            .Join(db.TechNeeds.AsNoTracking(), r => r.NeedId, n => n.Id, (r, n) => new { r, NeedTitle = n.Title })
            .Join(db.TechResults.AsNoTracking(), x => x.r.ResultId, t => t.Id, (x, t) => new DockingJoin { Request = x.r, NeedTitle = x.NeedTitle, ResultTitle = t.Title });

    public static System.Linq.Expressions.Expression<Func<DockingJoin, DockingRow>> Row(Guid viewer) =>
        x => new DockingRow(x.Request.Id, x.NeedTitle, x.ResultTitle, x.Request.Status, x.Request.FromOrganizationId != viewer, x.Request.CreatedAt,
            x.Request.BrokerName);
}
