using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Contracts;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Projects.Awarded;

/// <summary>The acceptance panel as the project page shows it: where it stands and, once signed, its score.</summary>
public sealed record AcceptancePanelState(Guid Id, Domain.Experts.PanelStatus Status, decimal? Result);

/// <param name="Team">the project's team (the bureau names the responsible person of a sanction among them)</param>
/// <param name="Sanctions">the sanctions on the project, newest first</param>
public sealed record AwardedView(Project Project, string Applicant, bool IsBureau, bool IsOwner, DateOnly Today, AcceptancePanelState? Panel, bool MaySign,
    IReadOnlyList<Domain.Experts.TeamMember> Team, IReadOnlyList<ProjectSanction> Sanctions);

/// <summary>An awarded project's page: its contract, tranches, reports and changes, with what the viewer may do (carry, sign, manage).</summary>
public class AwardedDetailsHandler(PortalDbContext db, ProjectPermissions permissions, ContractCalendarHandler calendar) : IUseCase
{
    public async Task<AwardedView?> HandleAsync(Guid id, CancellationToken ct)
    {
        var project = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (project is null)
        {
            return null;
        }

        var application = await db.ProjectApplications.AsNoTracking().Where(a => a.Id == project.ApplicationId).Select(a => new { a.ApplicantName, a.Team }).SingleOrDefaultAsync(ct);
        var applicant = application?.ApplicantName ?? string.Empty;
        var sanctions = await db.ProjectSanctions.AsNoTracking().Where(s => s.ProjectId == id).OrderByDescending(s => s.RecordedAt).ToListAsync(ct);
        var panel = project.AcceptancePanelId is null || !permissions.ManagesPlan
            ? null
            : await db.ReviewPanels.AsNoTracking().Where(p => p.Id == project.AcceptancePanelId).Select(p => new AcceptancePanelState(p.Id, p.Status, p.Result))
                .SingleOrDefaultAsync(ct);
        var isOwner = permissions.Allows(ProjectPermissions.Carry, project);
        return new AwardedView(project, applicant, permissions.ManagesPlan, isOwner, calendar.Today, panel,
            !isOwner && permissions.Allows(ProjectPermissions.Sign, project), application?.Team ?? [], sanctions);
    }
}
