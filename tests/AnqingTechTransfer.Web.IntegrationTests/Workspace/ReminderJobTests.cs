using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Domain.Experts;
using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Domain.Reminders;
using AnqingTechTransfer.Web.Infrastructure.Jobs;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using AnqingTechTransfer.Web.IntegrationTests.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AnqingTechTransfer.Web.IntegrationTests.Workspace;

/// <summary>
/// Issue 25 §2: the daily reminder job (run here as Hangfire would, through its class, with a fixed clock) sends each kind of
/// reminder on its day and not before, to the people who must act, once per record and due date however often it runs.
/// </summary>
public class ReminderJobTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    private sealed class FixedClock(DateTimeOffset at) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => at.ToUniversalTime();
    }

    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Runs the job as on the morning of a day in Beijing; returns the reminders it sent.</summary>
    private Task<IReadOnlyList<DueReminder>> RunOnAsync(DateOnly day) =>
        fx.WithDbAsync((_, sp) => ActivatorUtilities.CreateInstance<ReminderJob>(sp, (TimeProvider)new FixedClock(new DateTimeOffset(day, new TimeOnly(8, 0), TimeSpan.FromHours(8))))
            .SendAsync(CancellationToken.None));

    /// <summary>Who got a reminder linking to a page (reminders' titles say "即将" or "请录入"; other messages may share the link).</summary>
    private Task<List<Guid>> MessagedAsync(string link) =>
        fx.WithDbAsync((db, _) => db.Notifications.Where(n => n.Link == link && (n.Title.Contains("即将") || n.Title.StartsWith("请录入")))
            .Select(n => n.RecipientUserId).ToListAsync());

    private Task<Guid> UserAsync(string name) => fx.WithDbAsync((db, _) => db.Users.Where(u => u.UserName == name).Select(u => u.Id).SingleAsync());

    [Fact]
    public async Task A_contract_is_reminded_of_three_working_days_before_its_time_limit_counted_over_the_national_day_holiday_and_once()
    {
        // Due Friday 9 October 2026, after 国庆节 (1–7 October): the 3 working days left are 30 September, 8 and 9 October.
        var (id, point) = await fx.WithDbAsync(async (db, _) =>
        {
            var c = await db.TechContracts.Where(c => c.Status == ContractStatus.UnderReview || c.Status == ContractStatus.Accepted).OrderBy(c => c.Id).FirstAsync();
            await db.TechContracts.Where(x => x.Id == c.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.DueOn, D("2026-10-09")));
            return (c.Id, c.RegistrationPointId);
        });
        var registrars = await fx.WithDbAsync((db, _) => db.RegistrationPointRegistrars.Where(r => r.PointId == point).Select(r => r.UserId).ToListAsync());
        registrars.Should().NotBeEmpty();
        var link = $"/contracts/{id}";

        (await RunOnAsync(D("2026-09-28"))).Should().NotContain(r => r.SubjectId == id, "on Monday 28 September 4 working days are left");
        (await MessagedAsync(link)).Should().BeEmpty();

        var sent = await RunOnAsync(D("2026-09-29"));
        sent.Should().ContainSingle(r => r.SubjectId == id && r.Kind == ReminderKind.ContractDue);
        (await MessagedAsync(link)).Should().BeEquivalentTo(registrars, "each registrar of the contract's point is told once");
        var message = await fx.WithDbAsync((db, _) => db.Notifications.FirstAsync(n => n.Link == link));
        message.Body.Should().Contain("2026年10月9日").And.Contain("还剩 3 个工作日");

        (await RunOnAsync(D("2026-09-29"))).Should().NotContain(r => r.SubjectId == id, "a rerun on the same day sends nothing");
        (await RunOnAsync(D("2026-10-08"))).Should().NotContain(r => r.SubjectId == id, "nor does a later day before the same due date");
        (await MessagedAsync(link)).Should().HaveCount(registrars.Count);

        // A new time limit (a correction restarts the clock) is a new reminder.
        await fx.WithDbAsync((db, _) => db.TechContracts.Where(x => x.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.DueOn, D("2026-11-18"))));
        (await RunOnAsync(D("2026-11-12"))).Should().NotContain(r => r.SubjectId == id);
        (await RunOnAsync(D("2026-11-13"))).Should().ContainSingle(r => r.SubjectId == id);
        (await MessagedAsync(link)).Should().HaveCount(2 * registrars.Count);
    }

    [Fact]
    public async Task An_expert_is_reminded_of_the_scores_two_days_before_the_review_date_once()
    {
        var reviewDate = D("2026-12-20");
        var expertUser = await UserAsync("expert.a");
        var memberId = await fx.WithDbAsync(async (db, _) =>
        {
            var now = DateTimeOffset.UtcNow;
            var panel = ReviewPanel.Create("提醒测试评审", "项目评审", new ReviewSubject("安庆华宁新材料科技有限公司", Domain.Organizations.CreditCode.Complete("91340822MA2N00501"), [], [], []),
                null, [new RubricItem("技术先进性", 100)], Aggregation.Mean, 0, reviewDate, Guid.NewGuid(), now);
            var pool = await db.Experts.Where(e => e.Status == ExpertStatus.Active && e.UserId == expertUser).ToListAsync();
            panel.RecordDraw(ExpertDraw.Run(7, new DrawCriteria([.. pool[0].Profile.FieldCodes], ExpertTypes.None, 1, 0, 1, 0, 0, reviewDate),
                    pool.Select(e => new Candidate(e.Id, e.Profile.EmployerCreditCode, e.Profile.FieldCodes, e.Profile.Types, true, 100, true)).ToList(), []),
                pool.ToDictionary(e => e.Id, e => e.UserId), now);
            db.ReviewPanels.Add(panel);
            await db.SaveChangesAsync();
            return panel.Members.Single().Id;
        });
        var link = $"/reviews/{memberId}";

        (await RunOnAsync(D("2026-12-17"))).Should().NotContain(r => r.SubjectId == memberId, "three days before is too early");
        (await RunOnAsync(D("2026-12-18"))).Should().ContainSingle(r => r.SubjectId == memberId && r.Kind == ReminderKind.ScoresDue);
        (await RunOnAsync(D("2026-12-19"))).Should().NotContain(r => r.SubjectId == memberId);
        (await MessagedAsync(link)).Should().Equal([expertUser], "the seated expert is told once");
    }

    [Fact]
    public async Task A_project_unit_is_reminded_of_a_milestone_and_of_the_mid_term_report_a_week_before_once_each()
    {
        // Runs 1 March 2027 to 18 September 2027 (201 days: the midpoint, 100 days in, is 9 June 2027); a milestone is due 30 April 2027.
        var projectId = await fx.WithDbAsync(async (db, _) =>
        {
            var now = fx.Clock.GetUtcNow();
            var call = Call.Draft(2027, "提醒测试指南", now);
            var programme = call.AddProgramme(new ProgrammeTerms("提醒测试专项", FundingMode.Crowdsourcing, 1000m, now.AddDays(-1), now.AddDays(30), 5, 5, true, [], null, 100m)
                { AcceptanceCriteria = "按任务要求完成验收" }, now);
            call.Publish(now);
            db.ProjectCalls.Add(call);
            var org = await db.Organizations.SingleAsync(o => o.Name == "安庆华宁新材料科技有限公司");
            var a = ProjectApplication.Draft(programme, org.Id, org.Name, org.CreditCode, org.RegionCode, true, null, now);
            a.Edit("提醒测试项目", "内容", [new BudgetLine("设备费", 20, 60)], [new Milestone("中试线建成", D("2027-04-30"), "验收报告")], [],
                [new TeamMember("张工", "KEY-ZHANG")]);
            ApplicationSteps.Award(a, programme.Terms, now, 85, 60);
            db.ProjectApplications.Add(a);
            var project = Project.FromAward(a, D("2027-03-01"), D("2027-09-18"), [new Tranche(1, 60, "签订任务书", D("2027-03-01"))], now, FundingMode.Crowdsourcing);
            db.Projects.Add(project);
            await db.SaveChangesAsync();
            return project.Id;
        });
        var admins = await fx.WithDbAsync((db, _) => db.Users.Where(u => u.IsOrganizationAdmin && !u.IsDisabled
            && db.Organizations.Any(o => o.Id == u.OrganizationId && o.Name == "安庆华宁新材料科技有限公司")).Select(u => u.Id).ToListAsync());
        admins.Should().NotBeEmpty();
        var link = $"/projects/awarded/{projectId}";

        (await RunOnAsync(D("2027-04-22"))).Should().NotContain(r => r.SubjectId == projectId, "eight days before the milestone is too early");
        (await RunOnAsync(D("2027-04-23"))).Should().ContainSingle(r => r.SubjectId == projectId && r.Kind == ReminderKind.MilestoneDue && r.Detail == "中试线建成");
        (await RunOnAsync(D("2027-04-30"))).Should().NotContain(r => r.SubjectId == projectId);
        (await RunOnAsync(D("2027-06-01"))).Should().NotContain(r => r.SubjectId == projectId, "the report is due on 9 June: eight days is too early");
        (await RunOnAsync(D("2027-06-02"))).Should().ContainSingle(r => r.SubjectId == projectId && r.Kind == ReminderKind.ReportDue)
            .Which.DueOn.Should().Be(D("2027-06-09"));
        (await RunOnAsync(D("2027-06-03"))).Should().NotContain(r => r.SubjectId == projectId);
        (await MessagedAsync(link)).Should().BeEquivalentTo(admins.Concat(admins), "the unit's admins are told once of the milestone and once of the report");
    }
}

/// <summary>The calendar's reminder, in a database of its own: the other reminder tests run on days whose next 60 working days reach 2027 too.</summary>
public class CalendarReminderTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    private sealed class FixedClock(DateTimeOffset at) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => at.ToUniversalTime();
    }

    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    private Task<IReadOnlyList<DueReminder>> RunOnAsync(DateOnly day) =>
        fx.WithDbAsync((_, sp) => ActivatorUtilities.CreateInstance<ReminderJob>(sp, (TimeProvider)new FixedClock(new DateTimeOffset(day, new TimeOnly(8, 0), TimeSpan.FromHours(8))))
            .SendAsync(CancellationToken.None));

    private Task<List<Guid>> MessagedAsync(string link) =>
        fx.WithDbAsync((db, _) => db.Notifications.Where(n => n.Link == link).Select(n => n.RecipientUserId).ToListAsync());

    [Fact]
    public async Task The_bureau_is_reminded_once_of_a_year_the_calendar_lacks_even_by_two_runs_at_the_same_time()
    {
        // The seeded calendar covers 2025 and 2026; on 2 November 2026 the next 60 working days reach into 2027.
        var bureau = await fx.WithDbAsync((db, _) => db.UserRoles.Join(db.Roles.Where(r => r.Name == "Bureau" || r.Name == "BureauAdmin"), ur => ur.RoleId, r => r.Id, (ur, _) => ur.UserId)
            .Distinct().ToListAsync());
        (await RunOnAsync(D("2026-08-03"))).Should().NotContain(r => r.Kind == ReminderKind.CalendarCoverage, "in August the next 60 working days stay in 2026");

        var day = D("2026-11-02");
        var runs = await Task.WhenAll(RunOnAsync(day), RunOnAsync(day));
        runs.SelectMany(r => r).Where(r => r.Kind == ReminderKind.CalendarCoverage).Should().ContainSingle("two instances running at once send it once")
            .Which.Detail.Should().Be("2027");
        (await RunOnAsync(day.AddDays(1))).Should().NotContain(r => r.Kind == ReminderKind.CalendarCoverage);
        (await fx.WithDbAsync((db, _) => db.SentReminders.CountAsync(r => r.Kind == ReminderKind.CalendarCoverage))).Should().Be(1);
        var told = await MessagedAsync("/registration-points/calendar");
        told.Should().BeEquivalentTo(bureau, "every member of the bureau's staff is told once");
        (await fx.WithDbAsync((db, _) => db.Notifications.FirstAsync(n => n.Link == "/registration-points/calendar"))).Title.Should().Be("请录入 2027 年工作日历");
    }
}
