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
    public async Task<IReadOnlyList<TodoItem>> GetAsync(CancellationToken ct)
    {
        var items = new List<TodoItem>();
        var me = actor.OrganizationId;
        if (permissions.MayReview)
        {
            items.Add(new TodoItem("应用场景", "待审核的应用场景", await ManageScenariosHandler.Query(db, me, ScenarioStatus.Pending, mine: false).CountAsync(ct),
                "/scenarios/manage?status=Pending"));
        }

        if (permissions.MayPublish)
        {
            items.Add(new TodoItem("应用场景", "退回修改的应用场景", await ManageScenariosHandler.Query(db, me, ScenarioStatus.Returned, mine: true).CountAsync(ct),
                "/scenarios/manage?status=Returned&mine=true"));
        }

        return items;
    }
}
