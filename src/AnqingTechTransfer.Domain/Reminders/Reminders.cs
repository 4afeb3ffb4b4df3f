using AnqingTechTransfer.Domain.Contracts;

namespace AnqingTechTransfer.Domain.Reminders;

/// <summary>What a reminder is about (issue 25 §2).</summary>
public enum ReminderKind
{
    /// <summary>A contract in the registrar's hands, 3 working days before its time limit (办理时限).</summary>
    ContractDue = 1,
    /// <summary>An expert's scores, 2 days before the panel's review date.</summary>
    ScoresDue = 2,
    /// <summary>A project's milestone, a week before it is due.</summary>
    MilestoneDue = 3,
    /// <summary>A project's mid-term report, a week before it is due.</summary>
    ReportDue = 4,
    /// <summary>The working-day calendar does not reach the next 60 working days: a year to enter.</summary>
    CalendarCoverage = 5,
}

/// <summary>
/// When a reminder is due. Each rule answers "from this day on, until the due date": a daily job that missed a day still
/// sends it the next day, and the table of sent reminders (<see cref="SentReminder"/>) makes it once.
/// </summary>
public static class ReminderSchedule
{
    public const int ContractWorkingDays = 3;
    public const int ScoreDays = 2;
    public const int ProjectDays = 7;

    /// <summary>
    /// A contract is reminded of from the day that leaves 3 working days up to its due date (the due date counted), on the
    /// bureau's calendar: a holiday in between moves the reminder earlier, a make-up working day later.
    /// </summary>
    public static bool ContractIsDue(WorkingDayCalendar calendar, DateOnly today, DateOnly dueOn) =>
        dueOn >= today && calendar.WorkingDaysBetween(today, dueOn) <= ContractWorkingDays;

    /// <summary>The first day a contract due on <paramref name="dueOn"/> is reminded of: always a working day (stepping back over a
    /// day off does not change the count).</summary>
    public static DateOnly ContractRemindsOn(WorkingDayCalendar calendar, DateOnly dueOn)
    {
        var day = dueOn;
        while (calendar.WorkingDaysBetween(day.AddDays(-1), dueOn) <= ContractWorkingDays)
        {
            day = day.AddDays(-1);
        }

        return day;
    }

    /// <summary>A date <paramref name="days"/> calendar days away or nearer, and not past.</summary>
    public static bool WithinDays(DateOnly today, DateOnly due, int days) => due >= today && due.DayNumber - today.DayNumber <= days;
}

/// <summary>
/// A reminder that has been sent: one per kind, subject, detail (e.g. a milestone's name) and due date, held by a unique
/// key, so that a rerun of the daily job, a retry or a second instance sends it once. A new due date is a new reminder.
/// </summary>
public class SentReminder
{
    private SentReminder()
    {
    }

    public SentReminder(ReminderKind kind, Guid subjectId, string detail, DateOnly dueOn, int recipients, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        Kind = kind;
        SubjectId = subjectId;
        Detail = detail;
        DueOn = dueOn;
        Recipients = recipients;
        SentAt = now;
    }

    public Guid Id { get; private set; }
    public ReminderKind Kind { get; private set; }
    public Guid SubjectId { get; private set; }
    public string Detail { get; private set; } = string.Empty;
    public DateOnly DueOn { get; private set; }
    public int Recipients { get; private set; }
    public DateTimeOffset SentAt { get; private set; }
}
