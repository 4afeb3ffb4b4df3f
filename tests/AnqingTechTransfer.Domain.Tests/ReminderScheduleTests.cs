using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Domain.Reminders;

namespace AnqingTechTransfer.Domain.Tests;

/// <summary>Issue 25 §2: when each reminder falls due, on the bureau's working-day calendar for contracts.</summary>
public class ReminderScheduleTests
{
    private static readonly WorkingDayCalendar China = new(WorkingDayCalendar.China2025To2026);

    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void A_contract_due_after_national_day_is_reminded_of_before_the_holiday_not_on_the_third_weekday_before()
    {
        // Due Friday 9 October 2026; 1–7 October are 国庆节 holidays. The 3 working days up to it are 30 Sep, 8 Oct and 9 Oct.
        var due = D("2026-10-09");
        ReminderSchedule.ContractRemindsOn(China, due).Should().Be(D("2026-09-29"));
        ReminderSchedule.ContractIsDue(China, D("2026-09-28"), due).Should().BeFalse("4 working days are left on Monday 28 September");
        ReminderSchedule.ContractIsDue(China, D("2026-09-29"), due).Should().BeTrue();
        ReminderSchedule.ContractIsDue(China, D("2026-10-03"), due).Should().BeTrue("a run during the holiday still finds it due (sent once by the table)");
        ReminderSchedule.ContractIsDue(China, D("2026-10-10"), due).Should().BeFalse("past its due date it is overdue, not reminded of");
        // Without the holidays (weekdays only) it would have been Tuesday 6 October, in the middle of the holiday.
        ReminderSchedule.ContractRemindsOn(new WorkingDayCalendar([]), due).Should().Be(D("2026-10-06"));
    }

    [Fact]
    public void A_make_up_working_day_counts_and_a_weekend_does_not()
    {
        // Due Tuesday 13 October 2026: Saturday 10 October is a make-up working day (国庆节调休上班).
        ReminderSchedule.ContractRemindsOn(China, D("2026-10-13")).Should().Be(D("2026-10-09"));
        // Due Wednesday 18 November 2026, an ordinary week: reminded on the Friday before.
        ReminderSchedule.ContractRemindsOn(China, D("2026-11-18")).Should().Be(D("2026-11-13"));
        ReminderSchedule.ContractIsDue(China, D("2026-11-12"), D("2026-11-18")).Should().BeFalse();
        ReminderSchedule.ContractIsDue(China, D("2026-11-14"), D("2026-11-18")).Should().BeTrue("a Saturday run catches a missed Friday");
    }

    [Fact]
    public void Scores_milestones_and_reports_fall_due_a_fixed_number_of_days_before()
    {
        ReminderSchedule.WithinDays(D("2026-12-08"), D("2026-12-10"), ReminderSchedule.ScoreDays).Should().BeTrue();
        ReminderSchedule.WithinDays(D("2026-12-07"), D("2026-12-10"), ReminderSchedule.ScoreDays).Should().BeFalse();
        ReminderSchedule.WithinDays(D("2026-12-03"), D("2026-12-10"), ReminderSchedule.ProjectDays).Should().BeTrue();
        ReminderSchedule.WithinDays(D("2026-12-02"), D("2026-12-10"), ReminderSchedule.ProjectDays).Should().BeFalse();
        ReminderSchedule.WithinDays(D("2026-12-11"), D("2026-12-10"), ReminderSchedule.ProjectDays).Should().BeFalse("past due is not reminded of");
    }
}
