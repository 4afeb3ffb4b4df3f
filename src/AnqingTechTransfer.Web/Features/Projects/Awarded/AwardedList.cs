using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Contracts;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Projects.Awarded;

public sealed record AwardedRow(Guid Id, string Title, string RegionCode, decimal Award, decimal Disbursed, ProjectStatus Status, int Overdue, DateOnly EndsOn, bool ReportOverdue);

public sealed record AwardedListPage(IReadOnlyList<AwardedRow> Rows);

/// <summary>立项项目: the awarded projects in scope (the tenant filter keeps each to its own), those with overdue milestones or reports first.</summary>
public class AwardedListHandler(PortalDbContext db, ContractCalendarHandler calendar) : IUseCase
{
    public async Task<AwardedListPage> HandleAsync(CancellationToken ct)
    {
        var today = calendar.Today;
        var projects = await db.Projects.AsNoTracking().OrderBy(p => p.Status).ThenBy(p => p.EndsOn).Take(500).ToListAsync(ct);
        return new AwardedListPage(projects.Select(p => new AwardedRow(p.Id, p.Title, p.RegionCode, p.Award, p.Disbursed, p.Status, p.Overdue(today).Count, p.EndsOn,
                p.IsReportOverdue(today)))
            .OrderByDescending(r => r.Overdue + (r.ReportOverdue ? 1 : 0)).ToList());
    }
}
