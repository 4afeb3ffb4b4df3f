using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Contracts;

/// <summary>The working-day calendar from the bureau's table, and today's date in Beijing.</summary>
public class ContractCalendarHandler(PortalDbContext db, TimeProvider clock) : Shared.IUseCase
{
    public async Task<WorkingDayCalendar> CalendarAsync(CancellationToken ct) =>
        new(await db.CalendarDays.AsNoTracking().Select(d => new CalendarException(d.Date, d.IsWorkingDay, d.Name)).ToListAsync(ct));

    public DateOnly Today => Display.Today(clock);
}
