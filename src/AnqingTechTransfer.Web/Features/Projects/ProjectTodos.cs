using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Workspace;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Projects;

/// <summary>
/// Plan-project work waiting (issue 23 §8): a county's or park's problems to screen and applications to recommend; the bureau's
/// screened problems to list on a 榜单 and recommended applications to check. The tenant filter keeps a county to its own.
/// </summary>
public class ProjectTodos(PortalDbContext db, ProjectPermissions permissions) : ITodoSource
{
    public async Task<IReadOnlyList<TodoItem>> GetAsync(CancellationToken ct)
    {
        if (permissions.ManagesPlan)
        {
            return
            [
                new TodoItem("科技计划项目", "待列入榜单的企业题目", await db.Problems.CountAsync(p => p.Status == ProblemStatus.Screened, ct), "/projects/problems?status=Screened"),
                new TodoItem("科技计划项目", "待形式审查的项目申报", await db.ProjectApplications.CountAsync(a => a.Status == ApplicationStatus.Recommended, ct),
                    "/projects/applications?status=Recommended"),
            ];
        }

        if (permissions.MayScreen)
        {
            return
            [
                new TodoItem("科技计划项目", "待初审的企业题目", await db.Problems.CountAsync(p => p.Status == ProblemStatus.Proposed, ct), "/projects/problems?status=Proposed"),
                new TodoItem("科技计划项目", "待推荐的项目申报", await db.ProjectApplications.CountAsync(a => a.Status == ApplicationStatus.Submitted, ct),
                    "/projects/applications?status=Submitted"),
            ];
        }

        return [];
    }
}
