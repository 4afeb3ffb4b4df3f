using AnqingTechTransfer.Domain.Matching;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Workspace;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Market;

/// <summary>Needs and results waiting for review (the tenant filter keeps a county or park to its own), and docking requests waiting for an answer.</summary>
public class MarketTodos(PortalDbContext db, ICurrentActor actor, MarketPermissions permissions) : ITodoSource
{
    public Task CollectAsync(TodoBatch batch, CancellationToken ct)
    {
        if (permissions.Reviews)
        {
            batch.Count(db.TechNeeds.Where(n => n.Status == ListingStatus.Pending), n => new TodoItem("供需对接", "待审核的技术需求", n, "/needs/manage?status=Pending"));
            batch.Count(db.TechResults.Where(r => r.Status == ListingStatus.Pending), n => new TodoItem("供需对接", "待审核的科技成果", n, "/results/manage?status=Pending"));
        }
        else if (permissions.Docks)
        {
            var me = actor.OrganizationId;
            batch.Count(db.DockingRequests.Where(r => r.Status == DockingStatus.Pending && r.FromOrganizationId != me), n => new TodoItem("供需对接", "待回复的对接意向", n, "/docking?waiting=true"));
        }

        return Task.CompletedTask;
    }
}
