using AnqingTechTransfer.Domain.Files;
using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Projects.Applications;

/// <summary>An application with what the viewer may do to it (<see cref="ProjectPermissions"/> decides; the view shows the flags).</summary>
public sealed record ApplicationView(ProjectApplication Application, Programme Programme, IReadOnlyList<Attachment> Files, bool CanEdit, bool CanRecommend, bool CanCheck,
    ApplicationForm Form, bool ManagesPlan, bool CanGiveOpinion, bool SeesAvoidRequests, ResultsForm? Results = null);

/// <summary>The application page: the form while the applicant may edit it (as saved, or as posted when refused), the steps of the others.</summary>
public class ApplicationDetailsHandler(PortalDbContext db, ProjectPermissions permissions) : IUseCase
{
    public async Task<ApplicationView?> HandleAsync(Guid id, ApplicationForm? form, CancellationToken ct, ResultsForm? results = null)
    {
        var application = await db.ProjectApplications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (application is null)
        {
            return null;
        }

        var programme = await db.Programmes.AsNoTracking().SingleAsync(p => p.Id == application.ProgrammeId, ct);
        var files = await db.Attachments.AsNoTracking().Where(a => a.OwnerType == ApplicationAttachmentOwner.Type && a.OwnerId == id).OrderBy(a => a.UploadedAt)
            .ToListAsync(ct);
        return new ApplicationView(application, programme, files,
            permissions.Allows(ProjectPermissions.Edit, application) && application.Status is ApplicationStatus.Draft or ApplicationStatus.Returned,
            permissions.Allows(ProjectPermissions.Recommend, application) && application.Status == ApplicationStatus.Submitted,
            permissions.ManagesPlan && application.Status == ApplicationStatus.Recommended, form ?? ApplicationForm.From(application), permissions.ManagesPlan,
            permissions.Allows(ProjectPermissions.GiveOpinion, application)
            && application.Status is ApplicationStatus.Recommended or ApplicationStatus.Eligible or ApplicationStatus.Reviewed,
            permissions.Allows(ProjectPermissions.ReadAvoidRequests, application),
            programme.Terms.Mode == FundingMode.PostSubsidy ? results ?? ResultsForm.Of(application.Results) : null);
    }
}
