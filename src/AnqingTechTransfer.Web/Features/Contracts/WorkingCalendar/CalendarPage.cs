using AnqingTechTransfer.Domain.Contracts;

namespace AnqingTechTransfer.Web.Features.Contracts.WorkingCalendar;

/// <summary>One year of the working-day calendar: its exceptions (holidays on weekdays, make-up working days on weekends).</summary>
/// <param name="Outlook">Whether the calendar covers the next 60 working days from today (a warning when not).</param>
/// <param name="CanEdit">The bureau's staff keep the calendar; registrars read it.</param>
public sealed record CalendarPage(int Year, IReadOnlyList<CalendarDay> Days, CalendarOutlook Outlook, bool CanEdit = false);

/// <summary>What a change to the calendar did: done (a success message) or refused (why).</summary>
public sealed record CalendarChange(bool Done, string Message);
