using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Projects.Awarded;

/// <summary>
/// 验收: the bureau sets up an acceptance panel drawn from the expert pool, which scores the results against the task
/// contract; once its chief has signed, the bureau records the conclusion (a score below the pass mark allows only
/// "不通过"). A broken rule stays the filter's flash message.
/// </summary>
public class AcceptanceHandler(PortalDbContext db, ProjectPanelHandler panels) : IUseCase
{
    public async Task<RecordResult<Guid>> PanelAsync(Guid id, bool managesPlan, CancellationToken ct)
    {
        var project = await db.Projects.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (project is null)
        {
            return RecordResult<Guid>.NotFound;
        }

        if (!managesPlan)
        {
            return RecordResult<Guid>.Forbidden;
        }

        var application = await db.ProjectApplications.AsNoTracking().SingleAsync(a => a.Id == project.ApplicationId, ct);
        var panel = await panels.CreateAsync(ReviewStage.Acceptance, application, ct);
        project.AssignAcceptancePanel(panel.Id);
        await db.SaveChangesAsync(ct);
        return RecordResult<Guid>.Done(panel.Id);
    }

    public async Task<RecordResult<ProjectStatus>> AcceptAsync(Guid id, ProjectStatus conclusion, string? opinion, bool managesPlan, CancellationToken ct)
    {
        var project = await db.Projects.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (project is null)
        {
            return RecordResult<ProjectStatus>.NotFound;
        }

        if (!managesPlan)
        {
            return RecordResult<ProjectStatus>.Forbidden;
        }

        if (project.AcceptancePanelId is null)
        {
            throw new DomainException("请先组织验收专家组");
        }

        project.Accept(conclusion, opinion ?? string.Empty, await panels.ResultAsync(project.AcceptancePanelId, ct));
        await db.SaveChangesAsync(ct);
        return RecordResult<ProjectStatus>.Done(conclusion);
    }
}
