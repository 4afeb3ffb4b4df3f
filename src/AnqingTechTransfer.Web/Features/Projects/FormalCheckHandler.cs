using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Projects;

/// <summary>
/// 形式审查: gathers what the rules need to know of the applicant — its earlier applications this cycle, the same title this
/// year, a failed project, a listing as infringer — and lets <see cref="FormalCheck"/> decide. Run by the bureau, whose scope is the whole city.
/// </summary>
public class FormalCheckHandler(PortalDbContext db, Supervision.Infringers.InfringerCheckHandler infringers, TimeProvider clock) : Shared.IUseCase
{
    public async Task<IReadOnlyList<FormalCheckFailure>> EvaluateAsync(ProjectApplication application, CancellationToken ct)
    {
        var programme = await db.Programmes.AsNoTracking().SingleAsync(p => p.Id == application.ProgrammeId, ct);
        var callYear = await db.ProjectCalls.Where(c => c.Id == programme.CallId).Select(c => c.Year).SingleAsync(ct);
        var yearProgrammes = await db.Programmes.Where(p => db.ProjectCalls.Any(c => c.Id == p.CallId && c.Year == callYear)).Select(p => p.Id).ToListAsync(ct);
        var (id, organizationId, title, submitted) = (application.Id, application.OrganizationId, application.Title, application.SubmittedAt);
        // The cap counts the unit's applications submitted before this one (and not refused): the first ones in are within it.
        var earlier = await db.ProjectApplications.CountAsync(a => a.Id != id && a.OrganizationId == organizationId && a.ProgrammeId == application.ProgrammeId
            && a.SubmittedAt < submitted && a.Status != ApplicationStatus.Draft && a.Status != ApplicationStatus.Returned && a.Status != ApplicationStatus.Ineligible, ct);
        var sameTitle = await db.ProjectApplications.AnyAsync(a => a.Id != id && a.Title == title && yearProgrammes.Contains(a.ProgrammeId)
            && a.SubmittedAt < submitted && a.Status != ApplicationStatus.Draft && a.Status != ApplicationStatus.Ineligible, ct);
        var lastFailedEnd = await db.Projects.Where(p => p.OrganizationId == organizationId && p.Status == ProjectStatus.Failed).Select(p => (DateOnly?)p.EndsOn).MaxAsync(ct);
        // 限制申报 (issue 23 §7): on the unit (by credit code), or on a person of the applying team (by the key of their ID number).
        var today = Display.Today(clock);
        var keys = application.Team.Select(m => m.PersonKey).Where(k => !string.IsNullOrEmpty(k)).ToList();
        var creditCode = application.ApplicantCreditCode;
        var banned = await db.ProjectSanctions.AsNoTracking()
            .Where(s => s.BannedUntil >= today && (s.UnitCreditCode == creditCode || (s.PersonKey != null && keys.Contains(s.PersonKey))))
            .MaxAsync(s => s.BannedUntil, ct);
        var standing = new ApplicantStanding(earlier, sameTitle, FormalCheck.SanctionedUntil(lastFailedEnd, banned), 
            OnInfringerList: await infringers.IsListedAsync(application.ApplicantCreditCode, Display.Today(clock), ct));
        return FormalCheck.Evaluate(programme.Terms, application.ApplicantCreditCode, application.EnterpriseLed, submitted ?? clock.GetUtcNow(),
            application.AttachedKinds, standing, Display.Today(clock));
    }
}
