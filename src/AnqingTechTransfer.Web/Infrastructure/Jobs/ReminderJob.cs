using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Domain.Experts;
using AnqingTechTransfer.Domain.Messaging;
using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Domain.Reminders;
using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Messages;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AnqingTechTransfer.Web.Infrastructure.Jobs;

/// <summary>One reminder to send: what, about which record (and which part of it), due when, to whom, saying what.</summary>
public sealed record DueReminder(ReminderKind Kind, Guid SubjectId, string Detail, DateOnly DueOn, IReadOnlyList<Guid> Recipients, string Title, string Body, string Link);

/// <summary>
/// 到期提醒 (issue 25 §2), run daily by Hangfire (<see cref="PortalJobs.AddRecurringJob{TJob}"/>): a contract 3 working days
/// before its time limit (the registrars of its point; the bureau for a large contract in second review), an expert's scores
/// 2 days before the panel's review date, a project's milestones and mid-term report a week before (the project unit's
/// admins), and the working-day calendar's coverage running out (the bureau). Each reminder is a message (Notifier), sent
/// once per record and due date: it is saved with its row in <c>sent_reminders</c>, whose unique key turns a rerun, a retry
/// or a second instance into nothing. The clock is injected: the tests run the job with a fixed day.
/// </summary>
public class ReminderJob(PortalDbContext db, Notifier notifier, TimeProvider clock, ILogger<ReminderJob> logger) : IRecurringPortalJob
{
    public async Task RunAsync(CancellationToken ct) => await SendAsync(ct);

    /// <summary>Sends what is due today and not sent yet; returns what it sent.</summary>
    public async Task<IReadOnlyList<DueReminder>> SendAsync(CancellationToken ct)
    {
        var sent = new List<DueReminder>();
        foreach (var reminder in await DueAsync(ct))
        {
            if (reminder.Recipients.Count == 0
                || await db.SentReminders.AnyAsync(r => r.Kind == reminder.Kind && r.SubjectId == reminder.SubjectId && r.Detail == reminder.Detail && r.DueOn == reminder.DueOn, ct))
            {
                continue;
            }

            db.SentReminders.Add(new SentReminder(reminder.Kind, reminder.SubjectId, reminder.Detail, reminder.DueOn, reminder.Recipients.Count, clock.GetUtcNow()));
            notifier.ToUsers(reminder.Recipients, reminder.Title, reminder.Body, reminder.Link, MessageKind.Reminders);
            try
            {
                await db.SaveChangesAsync(ct);
                sent.Add(reminder);
            }
            catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                // Another instance (or a retry) sent it in the meantime: its messages stand, ours are dropped with the row.
                logger.LogInformation("Reminder {Kind} {Subject} {Due} was sent by another run", reminder.Kind, reminder.SubjectId, reminder.DueOn);
                db.ChangeTracker.Clear();
            }
        }

        return sent;
    }

    /// <summary>Every reminder due today, sent or not (the rules are in <see cref="ReminderSchedule"/>).</summary>
    public async Task<IReadOnlyList<DueReminder>> DueAsync(CancellationToken ct)
    {
        var today = Display.Today(clock);
        var calendar = new WorkingDayCalendar(await db.CalendarDays.AsNoTracking().Select(d => new CalendarException(d.Date, d.IsWorkingDay, d.Name)).ToListAsync(ct));
        var bureau = await UsersInRolesAsync([PortalRoles.Bureau], ct);
        var due = new List<DueReminder>();
        await ContractsAsync(due, calendar, today, bureau, ct);
        await ScoresAsync(due, today, ct);
        await ProjectsAsync(due, today, ct);
        CalendarCoverage(due, calendar, today, await UsersInRolesAsync([PortalRoles.Bureau, PortalRoles.BureauAdmin], ct));
        return due;
    }

    private async Task ContractsAsync(List<DueReminder> due, WorkingDayCalendar calendar, DateOnly today, IReadOnlyList<Guid> bureau, CancellationToken ct)
    {
        // Candidates within two weeks (3 working days never span more, even over 国庆); the working-day rule decides.
        var horizon = today.AddDays(14);
        var open = new[] { ContractStatus.Accepted, ContractStatus.UnderReview, ContractStatus.SecondReview };
        var contracts = await db.TechContracts.AsNoTracking()
            .Where(c => open.Contains(c.Status) && c.DueOn != null && c.DueOn >= today && c.DueOn <= horizon)
            .Select(c => new { c.Id, c.ProjectName, c.Status, DueOn = c.DueOn!.Value, c.RegistrationPointId }).ToListAsync(ct);
        var points = contracts.Select(c => c.RegistrationPointId).Distinct().ToList();
        var registrars = (await db.RegistrationPointRegistrars.AsNoTracking().Where(r => points.Contains(r.PointId))
                .Join(db.Users.Where(u => !u.IsDisabled), r => r.UserId, u => u.Id, (r, u) => new { r.PointId, u.Id }).ToListAsync(ct))
            .ToLookup(r => r.PointId, r => r.Id);
        foreach (var c in contracts.Where(c => ReminderSchedule.ContractIsDue(calendar, today, c.DueOn)))
        {
            var left = calendar.WorkingDaysBetween(today, c.DueOn);
            var recipients = c.Status == ContractStatus.SecondReview ? bureau : registrars[c.RegistrationPointId].ToList();
            due.Add(new DueReminder(ReminderKind.ContractDue, c.Id, string.Empty, c.DueOn, recipients, $"合同即将到达办理时限：{c.ProjectName}",
                $"技术合同“{c.ProjectName}”的办理时限为 {Display.Date(c.DueOn)}，还剩 {left} 个工作日，请及时办理。", $"/contracts/{c.Id}"));
        }
    }

    private async Task ScoresAsync(List<DueReminder> due, DateOnly today, CancellationToken ct)
    {
        var horizon = today.AddDays(ReminderSchedule.ScoreDays);
        var waiting = await db.PanelMembers.AsNoTracking()
            .Where(m => m.ExpertUserId != null && m.Role == MemberRole.Member
                && (m.State == MemberState.Drawn || m.State == MemberState.NoConflict || m.State == MemberState.Committed))
            .Join(db.ReviewPanels.AsNoTracking().Where(p => p.Status == PanelStatus.Drawn && p.ReviewDate >= today && p.ReviewDate <= horizon),
                m => m.PanelId, p => p.Id, (m, p) => new { m.Id, UserId = m.ExpertUserId!.Value, p.Title, p.ReviewDate })
            .ToListAsync(ct);
        foreach (var m in waiting)
        {
            due.Add(new DueReminder(ReminderKind.ScoresDue, m.Id, string.Empty, m.ReviewDate, [m.UserId], $"评审即将截止：{m.Title}",
                $"您参加的评审“{m.Title}”将于 {Display.Date(m.ReviewDate)} 截止，请在截止前完成回避声明、承诺和评分。", $"/reviews/{m.Id}"));
        }
    }

    private async Task ProjectsAsync(List<DueReminder> due, DateOnly today, CancellationToken ct)
    {
        var projects = await db.Projects.AsNoTracking().Where(p => p.Status == ProjectStatus.Running).ToListAsync(ct);
        var admins = new Dictionary<Guid, IReadOnlyList<Guid>>();
        foreach (var project in projects)
        {
            var milestones = project.Milestones.Where(m => ReminderSchedule.WithinDays(today, m.Due, ReminderSchedule.ProjectDays)).ToList();
            var report = project.ReportDueOn is { } r && ReminderSchedule.WithinDays(today, r, ReminderSchedule.ProjectDays) ? r : (DateOnly?)null;
            if (milestones.Count == 0 && report is null)
            {
                continue;
            }

            if (!admins.TryGetValue(project.OrganizationId, out var recipients))
            {
                recipients = admins[project.OrganizationId] = await notifier.AdminsOfAsync(project.OrganizationId, ct);
            }

            foreach (var m in milestones)
            {
                due.Add(new DueReminder(ReminderKind.MilestoneDue, project.Id, m.Name, m.Due, recipients, $"项目里程碑即将到期：{project.Title}",
                    $"项目“{project.Title}”的里程碑“{m.Name}”（{m.Deliverable}）应于 {Display.Date(m.Due)} 完成。", $"/projects/awarded/{project.Id}"));
            }

            if (report is { } reportDue)
            {
                due.Add(new DueReminder(ReminderKind.ReportDue, project.Id, string.Empty, reportDue, recipients, $"中期报告即将到期：{project.Title}",
                    $"项目“{project.Title}”的中期报告应于 {Display.Date(reportDue)} 前报送，请在项目页面填写进展情况。", $"/projects/awarded/{project.Id}"));
            }
        }
    }

    /// <summary>One reminder per year the next 60 working days need and the calendar lacks, due on that year's first day.</summary>
    private static void CalendarCoverage(List<DueReminder> due, WorkingDayCalendar calendar, DateOnly today, IReadOnlyList<Guid> bureau)
    {
        var outlook = calendar.LookAhead(today);
        foreach (var year in outlook.MissingYears)
        {
            due.Add(new DueReminder(ReminderKind.CalendarCoverage, Guid.Empty, year.ToString(System.Globalization.CultureInfo.InvariantCulture), new DateOnly(year, 1, 1),
                bureau, $"请录入 {year} 年工作日历", outlook.Warning!, "/registration-points/calendar"));
        }
    }

    private async Task<IReadOnlyList<Guid>> UsersInRolesAsync(string[] roles, CancellationToken ct) =>
        await db.UserRoles.Join(db.Roles.Where(r => roles.Contains(r.Name!)), ur => ur.RoleId, r => r.Id, (ur, _) => ur.UserId)
            .Join(db.Users.Where(u => !u.IsDisabled), id => id, u => u.Id, (id, u) => u.Id).Distinct().ToListAsync(ct);
}
