using AnqingTechTransfer.Domain.Experts;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Features.Workspace;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Experts;

/// <summary>The bureau's applications to review and experts due for re-evaluation; an expert's reviews waiting for them.</summary>
public class ExpertTodos(PortalDbContext db, ICurrentActor actor, ExpertPermissions permissions, TimeProvider clock) : ITodoSource
{
    public async Task<IReadOnlyList<TodoItem>> GetAsync(CancellationToken ct)
    {
        var items = new List<TodoItem>();
        if (permissions.ManagesPool)
        {
            var today = Display.Today(clock);
            items.Add(new TodoItem("评审专家库", "待审核的专家入库申请", await db.Experts.CountAsync(e => e.Status == ExpertStatus.Applied, ct), "/experts?status=Applied"));
            items.Add(new TodoItem("评审专家库", "到期需年度复核的专家", await db.Experts.CountAsync(e => e.Status == ExpertStatus.Active && e.NextEvaluationDue <= today, ct),
                "/experts?due=true"));
        }

        if (permissions.IsExpert)
        {
            var waiting = await Reviews.MyAssignmentsHandler.Waiting(db, actor.UserId).CountAsync(ct);
            items.Add(new TodoItem("我的评审", "待完成的评审", waiting, "/reviews?waiting=true"));
        }

        return items;
    }
}
