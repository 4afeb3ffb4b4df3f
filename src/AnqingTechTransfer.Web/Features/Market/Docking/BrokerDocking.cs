using AnqingTechTransfer.Domain.Messaging;
using AnqingTechTransfer.Domain.Matching;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Market.Docking;

/// <summary>
/// 撮合 (issue 24 §8): the bureau, or a county or park for a need or result of its region, proposes a published need and a
/// published result to both owners, naming one of its commissioners as the broker if it likes. Both owners are told; the
/// docking is accepted once both accept. A second open docking on the pair, or a broken rule, is refused with the reason.
/// </summary>
public sealed class BrokerDockingHandler(PortalDbContext db, ICurrentActor actor, DockingPermissions permissions, Messages.Notifier notifier,
    TimeProvider clock) : IUseCase
{
    public async Task<RecordResult<Guid>> HandleAsync(Guid needId, Guid resultId, Guid? commissionerId, string? message, CancellationToken ct)
    {
        if (!permissions.Brokers)
        {
            return RecordResult<Guid>.Forbidden;
        }

        // The check below sees what the broker's tenant scope sees (a county does not see another's docking on the pair); the
        // unique index on the open pair decides, and its violation is the same refusal.
        var duplicate = new FieldError("message", "这对需求和成果已有对接意向，请在“对接意向”中查看。");

        var need = await db.TechNeeds.AsNoTracking().SingleOrDefaultAsync(n => n.Id == needId, ct);
        var result = await db.TechResults.AsNoTracking().SingleOrDefaultAsync(r => r.Id == resultId, ct);
        if (need is null || result is null)
        {
            return RecordResult<Guid>.NotFound;
        }

        if (!permissions.MayBroker(need, result))
        {
            return RecordResult<Guid>.Forbidden;
        }

        string? commissionerName = null;
        if (commissionerId is { } cid)
        {
            commissionerName = await db.Commissioners.AsNoTracking().Where(c => c.Id == cid && c.OrganizationId == actor.OrganizationId).Select(c => c.Name).SingleOrDefaultAsync(ct);
            if (commissionerName is null)
            {
                return RecordResult<Guid>.Invalid([new FieldError("commissionerId", "请选择本单位登记的科技服务专员")]);
            }
        }

        if (await db.DockingRequests.AnyAsync(r => r.NeedId == needId && r.ResultId == resultId && r.Status != DockingStatus.Declined, ct))
        {
            return RecordResult<Guid>.Invalid([duplicate]);
        }

        var brokerName = await db.Organizations.AsNoTracking().Where(o => o.Id == actor.OrganizationId).Select(o => o.Name).SingleOrDefaultAsync(ct) ?? actor.UserName;
        var brokered = await FieldErrors.TryAsync(async () =>
        {
            var request = DockingRequest.Broker(need, result, actor.OrganizationId, brokerName, commissionerId, commissionerName, message ?? string.Empty, clock.GetUtcNow());
            db.DockingRequests.Add(request);
            foreach (var organization in new[] { need.OrganizationId, result.OrganizationId })
            {
                await notifier.ToOrganizationAdminsAsync(organization, "撮合对接：" + need.Title,
                    $"{brokerName}建议技术需求“{need.Title}”与科技成果“{result.Title}”对接，请查看并回复。双方都接受后即可查看联系方式、在线沟通。", $"/docking/{request.Id}", ct, MessageKind.Market);
            }

            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
            {
                return (Guid?)null;
            }

            return request.Id;
        });
        if (brokered.Succeeded && brokered.Value is null)
        {
            return RecordResult<Guid>.Invalid([duplicate]);
        }

        return brokered.Succeeded ? RecordResult<Guid>.Done(brokered.Value!.Value) : RecordResult<Guid>.Invalid(brokered.Errors.Select(e => e with { Field = "message" }).ToList());
    }
}
