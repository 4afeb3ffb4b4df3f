using AnqingTechTransfer.Domain.Notices;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Supervision.Notices;

/// <summary>
/// The steps on a published notice: anyone objects during a publicity window (a name or unit and a way to be reached); the
/// bureau answers an objection; the bureau or the publishing lead unit withdraws the notice. A broken rule stays the filter's flash message (no form to show again).
/// </summary>
public class NoticeStepsHandler(PortalDbContext db, NoticePermissions permissions, TimeProvider clock) : IUseCase
{
    /// <summary>An objection, from anyone, to a notice not withdrawn (else not found).</summary>
    public async Task<bool> ObjectAsync(Guid id, string? from, string? text, CancellationToken ct)
    {
        var notice = await db.Notices.SingleOrDefaultAsync(n => n.Id == id && !n.IsWithdrawn, ct);
        if (notice is null)
        {
            return false;
        }

        notice.Object(from ?? string.Empty, text ?? string.Empty, Display.Today(clock), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<RecordResult<Notice>> AnswerAsync(Guid id, Guid objectionId, string? answer, bool publishes, CancellationToken ct) =>
        await db.StepAsync(await db.Notices.SingleOrDefaultAsync(n => n.Id == id, ct), _ => publishes, null,
            n => n.Answer(objectionId, answer ?? string.Empty, clock.GetUtcNow()), ct);

    /// <summary>The bureau withdraws any notice; a lead unit its own.</summary>
    public async Task<RecordResult<Notice>> WithdrawAsync(Guid id, uint version, string? reason, CancellationToken ct) =>
        await db.StepAsync(await db.Notices.SingleOrDefaultAsync(n => n.Id == id, ct), permissions.Withdraws, version, n => n.Withdraw(reason ?? string.Empty), ct);
}
