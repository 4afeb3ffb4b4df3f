using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Projects.Selection;

/// <summary>A panel set up for an application: where to draw its experts, and whether it appraises (定向委托) or reviews.</summary>
public sealed record PanelSetUp(Guid PanelId, FundingMode Mode);

/// <summary>A step of the bureau on an application's selection, and the programme whose ranking it changed.</summary>
public sealed record SelectionStep(Guid ProgrammeId, decimal? Score = null);

/// <summary>
/// The bureau's selection of one application: sends it to an expert panel (review, or 定向委托 appraisal) drawn from the
/// expert pool, records the panel's signed result, and decides (拟立项 with an amount, or not). A broken rule stays the
/// filter's flash message (no form here).
/// </summary>
public class ReviewAndDecideHandler(PortalDbContext db, ProjectPermissions permissions, ProjectPanelHandler panels) : IUseCase
{
    public async Task<RecordResult<PanelSetUp>> PanelAsync(Guid id, CancellationToken ct)
    {
        var (application, refused) = await BureauLoadsAsync<PanelSetUp>(id, ct);
        if (application is null)
        {
            return refused!;
        }

        var mode = await ProgrammeModes.OfAsync(db, application.ProgrammeId, ct);
        var panel = await panels.CreateAsync(ProjectReview.StageFor(mode), application, ct);
        application.AssignPanel(panel.Id);
        await db.SaveChangesAsync(ct);
        return RecordResult<PanelSetUp>.Done(new PanelSetUp(panel.Id, mode));
    }

    /// <summary>
    /// 组建评审组 for a whole programme: one panel for each application that passed the formal check and has none yet, its
    /// subject taken from the application (applicant, partners, team, avoidance requests), so nothing is typed again. Each
    /// panel is drawn on its own, because the conflicts are each applicant's.
    /// </summary>
    public async Task<RecordResult<string>> PanelsForProgrammeAsync(Guid programmeId, CancellationToken ct)
    {
        if (!await db.Programmes.AnyAsync(p => p.Id == programmeId, ct))
        {
            return RecordResult<string>.NotFound;
        }

        if (!permissions.ManagesPlan)
        {
            return RecordResult<string>.Forbidden;
        }

        var waiting = await db.ProjectApplications.Where(a => a.ProgrammeId == programmeId && a.Status == ApplicationStatus.Eligible && a.PanelId == null)
            .OrderBy(a => a.SubmittedAt).ToListAsync(ct);
        if (waiting.Count == 0)
        {
            return RecordResult<string>.Invalid([], "没有待组建评审组的申报书：形式审查通过的申报书均已组建评审组。");
        }

        var mode = await ProgrammeModes.OfAsync(db, programmeId, ct);
        foreach (var application in waiting)
        {
            application.AssignPanel((await panels.CreateAsync(ProjectReview.StageFor(mode), application, ct)).Id);
        }

        await db.SaveChangesAsync(ct);
        return RecordResult<string>.Done($"已为 {waiting.Count} 项申报书各组建评审组，请逐一抽取专家。");
    }

    public async Task<RecordResult<SelectionStep>> ScoreAsync(Guid id, CancellationToken ct)
    {
        var (application, refused) = await BureauLoadsAsync<SelectionStep>(id, ct);
        if (application is null)
        {
            return refused!;
        }

        var result = await panels.ResultAsync(application.PanelId, ct);
        application.RecordScore(result);
        await db.SaveChangesAsync(ct);
        return RecordResult<SelectionStep>.Done(new SelectionStep(application.ProgrammeId, result));
    }

    public async Task<RecordResult<SelectionStep>> DecideAsync(Guid id, bool approve, decimal? amount, string? remark, uint version, CancellationToken ct)
    {
        var (application, refused) = await BureauLoadsAsync<SelectionStep>(id, ct);
        if (application is null)
        {
            return refused!;
        }

        db.Entry(application).Property(a => a.Version).OriginalValue = version;
        var terms = (await db.Programmes.AsNoTracking().SingleAsync(p => p.Id == application.ProgrammeId, ct)).Terms;
        if (approve && terms.Mode == FundingMode.Crowdsourcing)
        {
            CrowdSelection.EnsureRoomFor(terms, await db.ProjectApplications.CountAsync(a => a.ProgrammeId == application.ProgrammeId
                && (a.Status == ApplicationStatus.Approved || a.Status == ApplicationStatus.Awarded), ct));
        }

        application.Decide(approve, amount, remark, terms.Mode);
        await db.SaveChangesAsync(ct);
        return RecordResult<SelectionStep>.Done(new SelectionStep(application.ProgrammeId));
    }

    /// <summary>The application, if found (not found also for one out of scope) and the bureau acts; the refusal otherwise.</summary>
    private async Task<(ProjectApplication? Application, RecordResult<T>? Refused)> BureauLoadsAsync<T>(Guid id, CancellationToken ct)
    {
        var application = await db.ProjectApplications.SingleOrDefaultAsync(a => a.Id == id, ct);
        return application is null ? (null, RecordResult<T>.NotFound) : !permissions.ManagesPlan ? (null, RecordResult<T>.Forbidden) : (application, null);
    }
}
