using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Contracts.Changes;

/// <summary>What the registrar's approval or rejection posts: the version of the request they read, and the rejection's reason.</summary>
public class ChangeDecisionInput
{
    public uint Version { get; set; }
    public string? Remark { get; set; }
}

/// <summary>
/// A registrar of the contract's point (or the bureau: the same right as every decision on it, ContractPermissions.Decide)
/// approves the open change request, and the new terms apply with their figures from this moment, or rejects it with a
/// reason. A request decided or changed in between is refused, not decided twice.
/// </summary>
public class ContractChangeDecisionHandler(PortalDbContext db, ICurrentActor actor, TimeProvider clock) : IUseCase
{
    public async Task<RecordResult<string>> DecideAsync(Guid id, bool approve, ChangeDecisionInput input, ContractGate may, CancellationToken ct)
    {
        var contract = await db.TechContracts.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (contract is null)
        {
            return RecordResult<string>.NotFound;
        }

        if (!await may(contract, ContractPermissions.Decide))
        {
            return RecordResult<string>.Forbidden;
        }

        var request = await db.ContractChangeRequests.SingleOrDefaultAsync(r => r.ContractId == id && r.Status == ChangeRequestStatus.Pending, ct);
        if (request is null)
        {
            return RecordResult<string>.Invalid([new FieldError(string.Empty, "该合同没有待审核的变更申请（可能已被处理）。")]);
        }

        db.Entry(request).Property(r => r.Version).OriginalValue = input.Version;
        var me = new ContractActor(actor.UserId, actor.UserName);
        if (approve)
        {
            request.Approve(contract, clock.GetUtcNow(), me);
        }
        else
        {
            request.Reject(contract, clock.GetUtcNow(), me, input.Remark);
        }

        await db.SaveChangesAsync(ct);
        return RecordResult<string>.Done(approve ? "已批准变更登记，合同按变更后的内容登记，统计数据自本月起按变更后计算。" : "已驳回变更申请。");
    }
}
