using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Projects.Applications;

/// <summary>
/// 保存草稿: the applicant's own draft (or returned) application, at the version it was read; ID numbers of the team are
/// hashed on the way in. Every row is checked; the broken ones come back on the application page, each message next to its
/// cell, with the form as posted.
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

        form.Normalize();
        var errors = await ApplyAsync(application, form, formValid, ct);
        if (errors is null)
        {
            await db.SaveChangesAsync(ct);
            return RecordResult<ApplicationView?>.Done(null);
        }

        return RecordResult<ApplicationView?>.Invalid(errors, await details.HandleAsync(id, form, ct));
    }

    /// <summary>
    /// The form onto the tracked application (the caller saves): null when applied, else every error found (rows, sums, the
    /// domain's rules), each keyed to its field as posted.
    /// </summary>
    public async Task<IReadOnlyList<FieldError>?> ApplyAsync(ProjectApplication application, ApplicationForm form, bool formValid, CancellationToken ct)
    {
        form.Normalize();
        var programme = await db.Programmes.AsNoTracking().SingleAsync(p => p.Id == application.ProgrammeId, ct);
        var (budget, budgetErrors) = form.BudgetLines(programme.Terms);
        var (milestones, milestoneErrors) = form.MilestoneList();
        var (team, teamErrors) = await form.TeamAsync(n => ids.KeyOfAsync(n, ct), application.Team);
        var partners = form.PartnerUnits();
        var avoid = form.AvoidList();
        var errors = budgetErrors.Concat(milestoneErrors).Concat(teamErrors).ToList();
        errors.AddRange(Indexed("Partners", partners.Select(p => p.Index).ToList(),
            FieldErrors.Try(() => { ProjectApplication.CheckPartners(partners.Select(p => p.Partner).ToList(), application.ApplicantCreditCode); return true; }).Errors));
        errors.AddRange(Indexed("AvoidRequests", avoid.Select(p => p.Index).ToList(),
            FieldErrors.Try(() => { ProjectApplication.CheckAvoidRequests(avoid.Select(p => p.Request).ToList()); return true; }).Errors));
        if (!formValid || errors.Count > 0)
        {
            return errors;
        }

        var edited = FieldErrors.Try(() =>
        {
            db.Entry(application).Property(a => a.Version).OriginalValue = form.Version ?? 0;
            application.Edit(form.Title, form.Summary, budget, milestones, application.AttachedKinds, team, partners.Select(p => p.Partner), avoid.Select(p => p.Request));
            return true;
        });
        return edited.Succeeded ? null : edited.Errors;
    }

    /// <summary>A domain error on the k-th non-blank row (Partners[k].CreditCode) is put on the row as posted (Partners[i].CreditCode).</summary>
    private static IEnumerable<FieldError> Indexed(string list, IReadOnlyList<int> postedIndexes, IEnumerable<FieldError> errors) => errors.Select(e =>
    {
        var prefix = list + "[";
        if (!e.Field.StartsWith(prefix, StringComparison.Ordinal))
        {
            return e;
        }

        var close = e.Field.IndexOf(']', StringComparison.Ordinal);
        return int.TryParse(e.Field[prefix.Length..close], out var k) && k < postedIndexes.Count
            ? e with { Field = $"{list}[{postedIndexes[k]}]{e.Field[(close + 1)..]}" }
            : e;
    });
}
