using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Domain.Matching;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Market.Docking;

public sealed record DockingView(DockingRequest Request, TechNeed Need, TechResult Result, bool IsRecipient, bool IsParty, bool CanFileContract,
    ContractStatus? ContractStatus);

/// <summary>A request with both sides; once accepted its parties see both contacts in full (audited) and the contract filed from it.</summary>
public sealed class DockingDetailsHandler(PortalDbContext db, DockingPermissions permissions) : IUseCase
{
    public async Task<DockingView?> HandleAsync(Guid id, CancellationToken ct)
    {
        var request = await db.DockingRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (request is null)
        {
            return null;
        }

        var need = await db.TechNeeds.AsNoTracking().SingleAsync(n => n.Id == request.NeedId, ct);
        var result = await db.TechResults.AsNoTracking().SingleAsync(r => r.Id == request.ResultId, ct);
        if (permissions.IsParty(request) && request.Status == DockingStatus.Accepted)
        {
            db.Audit(PersonalInfo.RevealAction, Domain.Audit.AuditOutcome.Success, nameof(DockingRequest), request.Id.ToString(), "对接双方联系人的电话");
            await db.SaveChangesAsync(ct);
        }

        var contract = request.ContractId is { } cid ? await db.TechContracts.AsNoTracking().Where(c => c.Id == cid).Select(c => (ContractStatus?)c.Status).SingleOrDefaultAsync(ct) : null;
        return new DockingView(request, need, result, permissions.IsRecipient(request), permissions.IsParty(request),
            permissions.Allows(DockingPermissions.FileContract, request), contract);
    }
}
