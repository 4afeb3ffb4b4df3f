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
    public Task CollectAsync(TodoBatch batch, CancellationToken ct)
    {
        if (permissions.ManagesPool)
        {
            var today = Display.Today(clock);
            batch.Count(db.Experts.Where(e => e.Status == ExpertStatus.Applied), n => new TodoItem("评审专家库", "待审核的专家入库申请", n, "/experts?status=Applied"));
            batch.Count(db.Experts.Where(e => e.Status == ExpertStatus.Active && e.NextEvaluationDue <= today), n => new TodoItem("评审专家库", "到期需年度复核的专家", n, "/experts?due=true"));
        }

        if (permissions.IsExpert)
        {
            batch.Count(Reviews.MyAssignmentsHandler.Waiting(db, actor.UserId), n => new TodoItem("我的评审", "待完成的评审", n, "/reviews?waiting=true"));
        }

        return Task.CompletedTask;
    }
}
