using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Contracts;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Projects.Awarded;

public sealed record AwardedRow(Guid Id, string Title, string RegionCode, decimal Award, decimal Disbursed, ProjectStatus Status, int Overdue, DateOnly EndsOn, bool ReportOverdue);

public sealed record AwardedListPage(IReadOnlyList<AwardedRow> Rows, bool ReportDue = false);

/// <summary>
/// 立项项目: the awarded projects in scope (the tenant filter keeps each to its own), those with overdue milestones or reports first.
/// <c>reportDue</c> keeps those whose mid-term report is due within a week or overdue (<see cref="Project.IsReportDue"/>): what the
/// project unit's to-do opens.
/// </summary>
public class AwardedListHandler(PortalDbContext db, ContractCalendarHandler calendar) : IUseCase
{
    public async Task<AwardedListPage> HandleAsync(bool reportDue, CancellationToken ct)
    {
        var today = calendar.Today;
        var projects = await db.Projects.AsNoTracking().OrderBy(p => p.Status).ThenBy(p => p.EndsOn).Take(500).ToListAsync(ct);
        return new AwardedListPage(projects.Where(p => !reportDue || p.IsReportDue(today))
            .Select(p => new AwardedRow(p.Id, p.Title, p.RegionCode, p.Award, p.Disbursed, p.Status, p.Overdue(today).Count, p.EndsOn, p.IsReportOverdue(today)))
            .OrderByDescending(r => r.Overdue + (r.ReportOverdue ? 1 : 0)).ToList(), reportDue);
    }

    /// <summary>
    /// The projects in scope whose mid-term report is due within a week or overdue (the to-do's count), as a query:
    /// <see cref="Project.IsReportDue"/> in SQL (running, not 竞争后补助, no report yet, the midpoint at most a week ahead),
    /// so the count goes with the other to-dos in one statement (issue 26). The to-do tests hold it equal to the list's
    /// <c>reportDue</c> filter, which decides in C#.
    /// </summary>
    public IQueryable<Project> ReportsDue()
    {
        var last = calendar.Today.AddDays(Domain.Reminders.ReminderSchedule.ProjectDays).DayNumber;
        var none = new List<ProgressReport>();
        return db.Projects.Where(p => p.Status == ProjectStatus.Running && p.Mode != FundingMode.PostSubsidy && p.Reports == none
            && p.StartsOn.DayNumber + (p.EndsOn.DayNumber - p.StartsOn.DayNumber) / 2 <= last);
    }
}
