using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Contracts;

/// <summary>
/// The working-day calendar from the bureau's table, today's date in Beijing, and whether the table reaches far enough
/// ahead (the years it covers; deadlines past them are provisional).
/// </summary>
public class ContractCalendarHandler(PortalDbContext db, TimeProvider clock) : Shared.IUseCase
{
    public async Task<WorkingDayCalendar> CalendarAsync(CancellationToken ct) =>
        new(await db.CalendarDays.AsNoTracking().Select(d => new CalendarException(d.Date, d.IsWorkingDay, d.Name)).ToListAsync(ct));

    public DateOnly Today => Display.Today(clock);

    /// <summary>The years the bureau has entered (each with at least one row).</summary>
    public async Task<CalendarCoverage> CoverageAsync(CancellationToken ct) =>
        new(await db.CalendarDays.AsNoTracking().Select(d => d.Date.Year).Distinct().ToListAsync(ct));

    /// <summary>Whether the calendar covers the next <see cref="WorkingDayCalendar.LookAheadWorkingDays"/> working days from today.</summary>
    public async Task<CalendarOutlook> OutlookAsync(CancellationToken ct) => (await CalendarAsync(ct)).LookAhead(Today);
}
