using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AnqingTechTransfer.Web.Features.Projects.Selection;

/// <param name="Lead">for a tackling programme, the year's 企业牵头占比 with the 拟立项 ones, against which each pending approval is shown</param>
public sealed record RankingView(Programme Programme, IReadOnlyList<RankedApplication> Rows, Publicity? Publicity, int PublicityWorkingDays,
    Awarded.EnterpriseLeadFigure? Lead = null, IReadOnlyList<PendingReview>? Pending = null);

/// <summary>An application that passed the formal check and awaits its panel's result: its panel (if set up) and how far it is.</summary>
public sealed record PendingReview(Guid ApplicationId, string Title, string Applicant, Guid? PanelId, Domain.Experts.PanelStatus? PanelStatus);

/// <summary>评审排序: a programme's reviewed applications by score against its budget (定向委托: each passes or fails on its own), and its publicity.</summary>
public class RankingHandler(PortalDbContext db, IOptions<ProjectOptions> options, Awarded.EnterpriseLeadHandler lead) : IUseCase
{
    public async Task<RecordResult<RankingView>> HandleAsync(Guid id, bool managesPlan, CancellationToken ct)
    {
        var programme = await db.Programmes.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (programme is null)
        {
            return RecordResult<RankingView>.NotFound;
        }

        if (!managesPlan)
        {
            return RecordResult<RankingView>.Forbidden;
        }

        var applications = await db.ProjectApplications.AsNoTracking().Where(a => a.ProgrammeId == id && a.Score != null).ToListAsync(ct);
        var rows = ProgrammeRanking.Rank(applications, programme.Terms.Budget);
        var pending = await (from a in db.ProjectApplications.AsNoTracking()
                             where a.ProgrammeId == id && a.Status == ApplicationStatus.Eligible
                             join p in db.ReviewPanels.AsNoTracking() on a.PanelId equals (Guid?)p.Id into panels
                             from p in panels.DefaultIfEmpty()
                             orderby a.SubmittedAt
                             select new PendingReview(a.Id, a.Title, a.ApplicantName, p == null ? null : p.Id, p == null ? null : p.Status)).ToListAsync(ct);
        var publicity = await db.Publicities.AsNoTracking().Where(p => p.ProgrammeId == id).OrderByDescending(p => p.StartsOn).FirstOrDefaultAsync(ct);
        var figure = programme.Terms.IsTackling ? await lead.OfYearAsync(await lead.YearOfAsync(id, ct), withApproved: true, ct) : null;
        return RecordResult<RankingView>.Done(new RankingView(programme, rows, publicity, options.Value.PublicityWorkingDays, figure, pending));
    }
}
