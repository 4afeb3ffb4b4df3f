using AnqingTechTransfer.Domain.Matching;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Market.Docking;

/// <summary>
/// 已解决 (issue 24 §8): when a technology contract is registered, the need whose accepted docking it was filed from is
/// solved. Called by the contracts module's registration in its unit of work (the change is saved with the registration).
/// The registrar's tenant scope is its own points, so the one docking linked to this contract, and its need, are read past
/// the tenant filter (allow-listed): nothing is shown, only the need's status changes.
/// </summary>
public sealed class SolveNeedHandler(PortalDbContext db) : IUseCase
{
    public async Task AfterRegisteredAsync(Guid contractId, DateTimeOffset now, CancellationToken ct)
    {
        string[] tenant = [PortalDbContext.TenantFilter];
        var needIds = await db.DockingRequests.IgnoreQueryFilters(tenant).AsNoTracking().Where(r => r.ContractId == contractId && r.Status == DockingStatus.Accepted)
            .Select(r => r.NeedId).ToListAsync(ct);
        if (needIds.Count == 0)
        {
            return;
        }

        foreach (var need in await db.TechNeeds.IgnoreQueryFilters(tenant).Where(n => needIds.Contains(n.Id)).ToListAsync(ct))
        {
            need.MarkSolved(now);
        }
    }
}
