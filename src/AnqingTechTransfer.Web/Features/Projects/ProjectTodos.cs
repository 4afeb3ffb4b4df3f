using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Workspace;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Projects;

/// <summary>
/// Plan-project work waiting (issue 23 §8): a county's or park's problems to screen and applications to recommend; the bureau's
/// screened problems to list on a 榜单 and recommended applications to check; an applicant's returned applications and
/// mid-term reports due (issue 25 §2). The tenant filter keeps a county, and an applicant, to its own.
/// </summary>
public class ProjectTodos(PortalDbContext db, ProjectPermissions permissions, Awarded.AwardedListHandler awarded) : ITodoSource
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

        if (permissions.MayApply)
        {
            // The project unit (issue 25 §2): applications returned for correction, and mid-term reports due within a week or overdue.
            return
            [
                new TodoItem("科技计划项目", "退回补正的项目申报", await db.ProjectApplications.CountAsync(a => a.Status == ApplicationStatus.Returned, ct),
                    "/projects/applications?status=Returned"),
                new TodoItem("科技计划项目", "待报送的项目中期报告", await awarded.ReportsDueAsync(ct), "/projects/awarded?reportDue=true"),
            ];
        }

        return [];
    }
}
