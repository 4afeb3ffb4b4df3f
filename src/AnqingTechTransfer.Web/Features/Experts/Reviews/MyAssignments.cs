using AnqingTechTransfer.Domain.Experts;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AnqingTechTransfer.Web.Features.Experts.Reviews;

public sealed record AssignmentRow(Guid MemberId, string Title, string SubjectKind, DateOnly ReviewDate, PanelStatus PanelStatus, MemberRole Role, bool IsChief,
    MemberState State, decimal? Fee);

/// <summary>
/// The signed-in expert's seats on panels, newest review first, with the fee for each completed review; <c>waiting</c> keeps the
/// seats still to be declared, committed or scored on a panel that is drawn (<see cref="Waiting"/>, what the expert's to-do counts).
/// </summary>
public sealed class MyAssignmentsHandler(PortalDbContext db, ICurrentActor actor, IOptions<ReviewOptions> options) : IUseCase
{
    public Task<List<AssignmentRow>> HandleAsync(bool waiting, CancellationToken ct)
    {
        var me = actor.UserId;
        var fee = options.Value.FeePerReview;
        return (waiting ? Waiting(db, me) : db.PanelMembers.AsNoTracking().Where(m => m.ExpertUserId == me))
            .Join(db.ReviewPanels.AsNoTracking(), m => m.PanelId, p => p.Id, (m, p) => new { m, p })
            .OrderByDescending(x => x.p.ReviewDate)
            .Select(x => new AssignmentRow(x.m.Id, x.p.Title, x.p.SubjectKind, x.p.ReviewDate, x.p.Status, x.m.Role, x.m.IsChief, x.m.State,
                x.m.State == MemberState.Scored ? fee : null))
            .ToListAsync(ct);
    }

    /// <summary>An expert's seats as a member that still wait for them (declaration, commitment or scores) on a drawn panel.</summary>
    public static IQueryable<PanelMember> Waiting(PortalDbContext db, Guid expertUserId) =>
        db.PanelMembers.AsNoTracking().Where(m => m.ExpertUserId == expertUserId && m.Role == MemberRole.Member
            && (m.State == MemberState.Drawn || m.State == MemberState.NoConflict || m.State == MemberState.Committed)
            && db.ReviewPanels.Any(p => p.Id == m.PanelId && p.Status == PanelStatus.Drawn));
}
