using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Experts;
using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Contracts;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Projects;

/// <summary>
/// The expert panels of a plan project, drawn from the expert pool: the selection review, the 定向委托 appraisal and the
/// final acceptance. The subject is the applicant with its team, the partners its application names and, for 揭榜挂帅, the
/// posting enterprise as a partner (so the conflict rules see every side), and the experts the applicant asks to avoid.
/// </summary>
public class ProjectPanelHandler(PortalDbContext db, ICurrentActor actor, ContractCalendarHandler calendar, TimeProvider clock) : Shared.IUseCase
{
    public async Task<ReviewPanel> CreateAsync(ReviewStage stage, ProjectApplication application, CancellationToken ct)
    {
        var poster = application.PosterOrganizationId is { } posterId
            ? await db.Organizations.AsNoTracking().Where(o => o.Id == posterId).Select(o => o.CreditCode).ToListAsync(ct)
            : [];
        var panel = ProjectReview.PanelFor(stage, application, poster, calendar.Today.AddDays(14), actor.UserId, clock.GetUtcNow());
        db.ReviewPanels.Add(panel);
        return panel;
    }

    /// <summary>The signed result of a closed panel, or a clear refusal while it is still under way.</summary>
    public async Task<decimal> ResultAsync(Guid? panelId, CancellationToken ct) =>
        await db.ReviewPanels.Where(p => p.Id == panelId && (p.Status == PanelStatus.Closed || p.Status == PanelStatus.Published))
            .Select(p => p.Result).SingleOrDefaultAsync(ct) ?? throw new DomainException("评审组尚未结束，首席专家签署后才能记录结果");
}
