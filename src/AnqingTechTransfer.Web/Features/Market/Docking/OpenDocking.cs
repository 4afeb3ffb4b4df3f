using AnqingTechTransfer.Domain.Matching;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Market.Docking;

/// <summary>Where an opened request leads: the request, or (refused) back to the opener's own listing with the reason.</summary>
public sealed record OpenedDocking(Guid? RequestId, bool FromNeed);

/// <summary>
/// A request opened by the owner of either side, about a published need and a published result. A second open request on
/// the same pair, or a broken rule, sends the opener back to its own listing with the reason.
/// </summary>
public sealed class OpenDockingHandler(PortalDbContext db, ICurrentActor actor, DockingPermissions permissions, TimeProvider clock) : IUseCase
{
    public async Task<RecordResult<OpenedDocking>> HandleAsync(Guid needId, Guid resultId, string? message, CancellationToken ct)
    {
        var need = await db.TechNeeds.AsNoTracking().SingleOrDefaultAsync(n => n.Id == needId, ct);
        var result = await db.TechResults.AsNoTracking().SingleOrDefaultAsync(r => r.Id == resultId, ct);
        if (need is null || result is null)
        {
            return RecordResult<OpenedDocking>.NotFound;
        }

        var me = actor.OrganizationId;
        if (!permissions.MayOpen(need, result))
        {
            return RecordResult<OpenedDocking>.Forbidden;
        }

        var back = new OpenedDocking(null, need.OrganizationId == me);
        if (await db.DockingRequests.AnyAsync(r => r.NeedId == needId && r.ResultId == resultId && r.Status != DockingStatus.Declined, ct))
        {
            return RecordResult<OpenedDocking>.Invalid([new FieldError(string.Empty, "这对需求和成果已有对接意向，请在“对接意向”中查看。")], back);
        }

        var opened = await FieldErrors.TryAsync(async () =>
        {
            var request = DockingRequest.Open(need, result, me, message ?? string.Empty, clock.GetUtcNow());
            db.DockingRequests.Add(request);
            await db.SaveChangesAsync(ct);
            return request.Id;
        });
        return opened.Succeeded ? RecordResult<OpenedDocking>.Done(back with { RequestId = opened.Value }) : RecordResult<OpenedDocking>.Invalid(opened.Errors, back);
    }
}
