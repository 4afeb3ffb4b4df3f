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
    public Task CollectAsync(TodoBatch batch, CancellationToken ct)
    {
        if (permissions.ManagesPlan)
        {
            batch.Count(db.Problems.Where(p => p.Status == ProblemStatus.Screened), n => new TodoItem("科技计划项目", "待列入榜单的企业题目", n, "/projects/problems?status=Screened"));
            batch.Count(db.ProjectApplications.Where(a => a.Status == ApplicationStatus.Recommended),
                n => new TodoItem("科技计划项目", "待形式审查的项目申报", n, "/projects/applications?status=Recommended"));
        }
        else if (permissions.MayScreen)
        {
            batch.Count(db.Problems.Where(p => p.Status == ProblemStatus.Proposed), n => new TodoItem("科技计划项目", "待初审的企业题目", n, "/projects/problems?status=Proposed"));
            batch.Count(db.ProjectApplications.Where(a => a.Status == ApplicationStatus.Submitted),
                n => new TodoItem("科技计划项目", "待推荐的项目申报", n, "/projects/applications?status=Submitted"));
        }
        else if (permissions.MayApply)
        {
            // The project unit (issue 25 §2): applications returned for correction, and mid-term reports due within a week or overdue.
            batch.Count(db.ProjectApplications.Where(a => a.Status == ApplicationStatus.Returned),
                n => new TodoItem("科技计划项目", "退回补正的项目申报", n, "/projects/applications?status=Returned"));
            batch.Count(awarded.ReportsDue(), n => new TodoItem("科技计划项目", "待报送的项目中期报告", n, "/projects/awarded?reportDue=true"));
        }

        return Task.CompletedTask;
    }
}
