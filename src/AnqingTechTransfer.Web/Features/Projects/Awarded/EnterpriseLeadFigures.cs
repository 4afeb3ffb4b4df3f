using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Projects.Awarded;

/// <summary>
/// 企业承担科技攻关项目比例 of one year's calls: the tackling projects counted (awarded, and with <see cref="WithApproved"/> the
/// 拟立项 ones too), how many enterprises lead, and the share against the plan's 70 %.
/// </summary>
public sealed record EnterpriseLeadFigure(int Year, int Led, int Total, bool WithApproved)
{
    public decimal? Share => Total == 0 ? null : (decimal)Led / Total;
    public bool Below => Share < EnterpriseLead.Required;
    public string ShareText => Share is { } s ? EnterpriseLead.Percent(s) : "—";

    /// <summary>"批准后：企业牵头占比 68.2%，低于 70%" for an application awaiting the decision.</summary>
    public (string Text, bool Below) After(bool enterpriseLed)
    {
        var (share, below) = EnterpriseLead.After(Led, Total, enterpriseLed);
        return ($"批准后：企业牵头占比 {EnterpriseLead.Percent(share)}{(below ? "，低于 70%" : "")}", below);
    }
}

/// <summary>
/// Counts the year's tackling projects for the 70 % share, through the tenant filter (the city sees all): the year's programmes
/// (a few dozen; their terms are JSON, so 攻关类 is read in memory), then one count of their applications.
/// </summary>
public class EnterpriseLeadHandler(PortalDbContext db) : IUseCase
{
    public async Task<EnterpriseLeadFigure> OfYearAsync(int year, bool withApproved, CancellationToken ct)
    {
        var programmes = (await db.Programmes.AsNoTracking().Join(db.ProjectCalls.AsNoTracking().Where(c => c.Year == year), p => p.CallId, c => c.Id, (p, c) => p)
            .ToListAsync(ct)).Where(p => p.Terms.IsTackling).Select(p => p.Id).ToList();
        var counted = await db.ProjectApplications.AsNoTracking()
            .Where(a => programmes.Contains(a.ProgrammeId) && (a.Status == ApplicationStatus.Awarded || (withApproved && a.Status == ApplicationStatus.Approved)))
            .GroupBy(_ => 1).Select(g => new { Total = g.Count(), Led = g.Count(a => a.EnterpriseLed) }).SingleOrDefaultAsync(ct);
        return new EnterpriseLeadFigure(year, counted?.Led ?? 0, counted?.Total ?? 0, withApproved);
    }

    /// <summary>The year of a programme's call.</summary>
    public Task<int> YearOfAsync(Guid programmeId, CancellationToken ct) =>
        db.Programmes.AsNoTracking().Where(p => p.Id == programmeId).Join(db.ProjectCalls.AsNoTracking(), p => p.CallId, c => c.Id, (p, c) => c.Year).SingleAsync(ct);
}
