using AnqingTechTransfer.Domain.Experts;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;

namespace AnqingTechTransfer.Web.Features.Experts.Reviews;

/// <summary>
/// An expert's step on their own seat (declare, commit, score, write the primary opinion, close): the seat is found
/// through the filter, the panel's rule runs on the whole panel, and the change is saved. Null when the seat is not theirs;
/// a broken rule comes back as the errors (shown as the page's flash message).
/// </summary>
public sealed class ActOnSeatHandler(PortalDbContext db, AssignmentHandler seats, WholePanelHandler whole, TimeProvider clock) : IUseCase
{
    public async Task<Outcome<Guid>?> HandleAsync(Guid memberId, Action<ReviewPanel, DateTimeOffset> act, CancellationToken ct)
    {
        if (await seats.SeatAsync(memberId, ct) is not { } seat)
        {
            return null;
        }

        var panel = await whole.LoadAsync(seat.PanelId, ct);
        var acted = FieldErrors.Try(() =>
        {
            act(panel, clock.GetUtcNow());
            return memberId;
        });
        if (acted.Succeeded)
        {
            await db.SaveChangesAsync(ct);
        }

        return acted;
    }
}
