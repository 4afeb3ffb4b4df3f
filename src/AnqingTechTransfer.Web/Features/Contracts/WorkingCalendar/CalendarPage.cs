using AnqingTechTransfer.Domain.Contracts;

namespace AnqingTechTransfer.Web.Features.Contracts.WorkingCalendar;

/// <summary>One year of the working-day calendar: its exceptions (holidays on weekdays, make-up working days on weekends).</summary>
public sealed record CalendarPage(int Year, IReadOnlyList<CalendarDay> Days);

/// <summary>What a change to the calendar did: done (a success message) or refused (why).</summary>
public sealed record CalendarChange(bool Done, string Message);
