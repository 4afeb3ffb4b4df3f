using AnqingTechTransfer.Domain.Experts;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AnqingTechTransfer.Web.Features.Experts.Reviews;

public sealed record AssignmentView(PanelMember Seat, ReviewPanel Panel, int SittingCount, int ScoredCount, decimal Fee, ReviewMaterials? Materials = null);

/// <summary>
/// One of the expert's own seats and its panel. The seat is found through the seats' filter (another's seat does not
/// exist for them); only then is the whole panel loaded for its rules.
/// </summary>
public sealed class AssignmentHandler(PortalDbContext db, ICurrentActor actor, WholePanelHandler whole, ReviewMaterialsHandler materials, IOptions<ReviewOptions> options)
    : IUseCase
{
    public async Task<AssignmentView?> HandleAsync(Guid memberId, CancellationToken ct)
    {
        if (await SeatAsync(memberId, ct) is not { } seat)
        {
            return null;
        }

        var panel = await whole.LoadAsync(seat.PanelId, ct);
        var sitting = panel.Members.Where(m => m.Role == MemberRole.Member && m.IsActive).ToList();
        var mine = panel.Members.Single(m => m.Id == memberId);
        return new AssignmentView(mine, panel, sitting.Count, sitting.Count(m => m.State == MemberState.Scored), options.Value.FeePerReview,
            await materials.HandleAsync(mine, panel, ct));
    }

    /// <summary>The user's own seat, through the seats' filter.</summary>
    public Task<PanelMember?> SeatAsync(Guid memberId, CancellationToken ct)
    {
        var me = actor.UserId;
        return db.PanelMembers.AsNoTracking().SingleOrDefaultAsync(m => m.Id == memberId && m.ExpertUserId == me, ct);
    }
}
