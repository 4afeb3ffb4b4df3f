using AnqingTechTransfer.Domain.Experts;
using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Projects;
using AnqingTechTransfer.Web.Features.Projects.Applications;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Experts.Reviews;

/// <summary>A file of the application under review: opened through the attachments page, which stamps the reader's name.</summary>
public sealed record ReviewFile(Guid Id, string Name, long Size);

/// <summary>
/// What an expert reads to judge (评审材料): the application's content read-only — programme and mode, title, summary, the
/// budget with its sums (竞争后补助: the declared results and audited spend instead), the milestones, the team's names, the
/// partners — and its files; with the stamp shown across the page.
/// </summary>
public sealed record ReviewMaterials(string Programme, string Mode, string Applicant, string Title, string Summary, IReadOnlyList<BudgetLine> Budget,
    decimal Own, decimal Requested, IReadOnlyList<Milestone> Milestones, IReadOnlyList<string> Team, IReadOnlyList<ReviewFile> Files, string Stamp,
    AchievedResults? Results = null, IReadOnlyList<string>? Partners = null);

/// <summary>
/// The materials of an expert's seat: only once the expert has declared no conflict and signed the 承诺书 — the application's
/// tenant filter decides (a seat in another state, or another expert, finds nothing), so this reads through it.
/// </summary>
public sealed class ReviewMaterialsHandler(PortalDbContext db, ICurrentActor actor, TimeProvider clock) : IUseCase
{
    public async Task<ReviewMaterials?> HandleAsync(PanelMember seat, ReviewPanel panel, CancellationToken ct)
    {
        if (panel.ApplicationId is not { } id || seat.State is not (MemberState.Committed or MemberState.Scored))
        {
            return null;
        }

        var application = await db.ProjectApplications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (application is null)
        {
            return null;
        }

        var programme = await db.Programmes.AsNoTracking().Where(p => p.Id == application.ProgrammeId).Select(p => p.Terms).SingleAsync(ct);
        var files = await db.Attachments.AsNoTracking().Where(a => a.OwnerType == ApplicationAttachmentOwner.Type && a.OwnerId == id).OrderBy(a => a.UploadedAt)
            .Select(a => new ReviewFile(a.Id, a.FileName, a.Size)).ToListAsync(ct);
        return new ReviewMaterials(programme.Name, programme.Mode.Name(), application.ApplicantName, application.Title, application.Summary, application.Budget,
            application.OwnFunds, application.Requested, application.Milestones, application.Team.Select(t => t.Name).ToList(), files,
            ApplicationAttachmentOwner.ReviewerStamp(actor.DisplayName, Display.Today(clock)), application.Results,
            application.Partners.Select(p => p.Name).ToList());
    }
}
