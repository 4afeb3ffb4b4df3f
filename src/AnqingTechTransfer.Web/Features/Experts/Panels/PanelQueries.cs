using AnqingTechTransfer.Domain.Experts;
using AnqingTechTransfer.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Experts.Panels;

/// <summary>One panel with its seats, as every use case on a panel loads it (tracked when it is to be changed).</summary>
internal static class PanelQueries
{
    public static Task<ReviewPanel?> PanelAsync(this PortalDbContext db, Guid id, CancellationToken ct, bool tracked = false)
    {
        var query = db.ReviewPanels.Include(p => p.Members).Where(p => p.Id == id);
        return (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(ct);
    }
}
