using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Projects.Applications;

/// <summary>
/// 保存草稿: the applicant's own draft (or returned) application, at the version it was read; ID numbers of the team are
/// hashed on the way in. A broken rule comes back on the application page, next to its field, with the form as posted.
/// </summary>
public class SaveApplicationHandler(PortalDbContext db, ProjectPermissions permissions, Experts.PersonalDataProtector ids, ApplicationDetailsHandler details) : IUseCase
{
    public async Task<RecordResult<ApplicationView?>> HandleAsync(Guid id, ApplicationForm form, bool formValid, CancellationToken ct)
    {
        var application = await db.ProjectApplications.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (application is null)
        {
            return RecordResult<ApplicationView?>.NotFound;
        }

        if (!permissions.Allows(ProjectPermissions.Edit, application))
        {
            return RecordResult<ApplicationView?>.Forbidden;
        }

        (form.Title, form.Summary, form.Budget, form.Milestones) = (form.Title ?? string.Empty, form.Summary ?? string.Empty, form.Budget ?? string.Empty, form.Milestones ?? string.Empty);
        if (formValid)
        {
            var saved = await FieldErrors.TryAsync(async () =>
            {
                db.Entry(application).Property(a => a.Version).OriginalValue = form.Version ?? 0;
                application.Edit(form.Title, form.Summary, form.BudgetLines(), form.MilestoneList(), application.AttachedKinds,
                    await form.TeamAsync(n => ids.KeyOfAsync(n, ct), application.Team));
                await db.SaveChangesAsync(ct);
                return id;
            });
            if (saved.Succeeded)
            {
                return RecordResult<ApplicationView?>.Done(null);
            }

            return RecordResult<ApplicationView?>.Invalid(saved.Errors, await details.HandleAsync(id, form, ct));
        }

        return RecordResult<ApplicationView?>.Invalid([], await details.HandleAsync(id, form, ct));
    }
}
