using AnqingTechTransfer.Domain.Carriers;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Workspace;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Carriers.Scenarios;

/// <summary>
/// Scenarios waiting (issue 25 §2): a county's or park's scenarios to review, and an author's scenarios returned for changes.
/// Each counts through the manage list's own query (<see cref="ManageScenariosHandler.Query"/>), so it counts what it opens.
/// </summary>
public class ScenarioTodos(PortalDbContext db, ICurrentActor actor, ScenarioPermissions permissions) : ITodoSource
{
    public Task CollectAsync(TodoBatch batch, CancellationToken ct)
    {
        var me = actor.OrganizationId;
        if (permissions.MayReview)
        {
            batch.Count(ManageScenariosHandler.Query(db, me, ScenarioStatus.Pending, mine: false), n => new TodoItem("应用场景", "待审核的应用场景", n, "/scenarios/manage?status=Pending"));
        }

        if (permissions.MayPublish)
        {
            batch.Count(ManageScenariosHandler.Query(db, me, ScenarioStatus.Returned, mine: true),
                n => new TodoItem("应用场景", "退回修改的应用场景", n, "/scenarios/manage?status=Returned&mine=true"));
        }

        return Task.CompletedTask;
    }
}
