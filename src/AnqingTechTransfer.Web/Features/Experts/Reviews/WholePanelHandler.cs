using AnqingTechTransfer.Domain.Experts;
using AnqingTechTransfer.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Experts.Reviews;

/// <summary>
/// The panel with every seat, for the panel's own rules (a reserve replaces a member, the chief closes only when all have
/// scored, the result aggregates every score). An expert may see only their own seat, so this bypasses the seats' filter —
/// and is called only after the caller has found the expert's own seat through the filter. Nothing it loads is shown.
/// </summary>
public class WholePanelHandler(PortalDbContext db) : Features.Shared.IUseCase
{
    public Task<ReviewPanel> LoadAsync(Guid panelId, CancellationToken ct) =>
        db.ReviewPanels.IgnoreQueryFilters([PortalDbContext.TenantFilter]).Include(p => p.Members).SingleAsync(p => p.Id == panelId, ct);

    /// <summary>Every panel still under review (drawn, not closed) with all its seats, in one query: for the system's 事后回避 check.</summary>
    public Task<List<ReviewPanel>> UnderReviewAsync(CancellationToken ct) =>
        db.ReviewPanels.IgnoreQueryFilters([PortalDbContext.TenantFilter]).Include(p => p.Members).Where(p => p.Status == PanelStatus.Drawn).ToListAsync(ct);
}
