using AnqingTechTransfer.Domain.Matching;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Workspace;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Market;

/// <summary>Needs and results waiting for review (the tenant filter keeps a county or park to its own), and docking requests waiting for an answer.</summary>
public class MarketTodos(PortalDbContext db, ICurrentActor actor, MarketPermissions permissions) : ITodoSource
{
    public async Task<IReadOnlyList<TodoItem>> GetAsync(CancellationToken ct)
    {
        if (permissions.Reviews)
        {
            return
            [
                new TodoItem("供需对接", "待审核的技术需求", await db.TechNeeds.CountAsync(n => n.Status == ListingStatus.Pending, ct), "/needs/manage?status=Pending"),
                new TodoItem("供需对接", "待审核的科技成果", await db.TechResults.CountAsync(r => r.Status == ListingStatus.Pending, ct), "/results/manage?status=Pending"),
            ];
        }

        if (permissions.Docks)
        {
            var me = actor.OrganizationId;
            var waiting = await db.DockingRequests.CountAsync(r => r.Status == DockingStatus.Pending && r.FromOrganizationId != me, ct);
            return [new TodoItem("供需对接", "待回复的对接意向", waiting, "/docking?waiting=true")];
        }

        return [];
    }
}
