using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Contracts.WorkingCalendar;

/// <summary>The bureau keeps the calendar's exceptions: one entry per date, named (at most 50 characters).</summary>
public class WorkingCalendarHandler(PortalDbContext db, TimeProvider clock, ContractCalendarHandler calendar, ContractPermissions permissions) : IUseCase
{
    /// <summary>The year asked for, or this year (Beijing time).</summary>
    public async Task<CalendarPage> PageAsync(int? year, CancellationToken ct)
    {
        var chosen = year ?? Display.Local(clock.GetUtcNow()).Year;
        var first = new DateOnly(chosen, 1, 1);
        var last = new DateOnly(chosen, 12, 31);
        return new CalendarPage(chosen, await db.CalendarDays.AsNoTracking().Where(d => d.Date >= first && d.Date <= last).OrderBy(d => d.Date).ToListAsync(ct),
            await calendar.OutlookAsync(ct), permissions.KeepsCalendar);
    }

    public async Task<CalendarChange> AddAsync(DateOnly? date, bool isWorkingDay, string? name, CancellationToken ct)
    {
        if (date is null || string.IsNullOrWhiteSpace(name) || name.Trim().Length > 50)
        {
            return new CalendarChange(false, "请填写日期和名称（不超过50个字）。");
        }

        if (await db.CalendarDays.AnyAsync(d => d.Date == date, ct))
        {
            return new CalendarChange(false, $"{Display.Date(date)} 已在日历中，请先删除再重新添加。");
        }

        db.CalendarDays.Add(new CalendarDay(date.Value, isWorkingDay, name.Trim()));
        await db.SaveChangesAsync(ct);
        return new CalendarChange(true, $"已添加 {Display.Date(date)}（{(isWorkingDay ? "调休上班" : "放假")}）。");
    }

    /// <summary>Removing a date that is not there (twice, two tabs) leaves the same result.</summary>
    public async Task<CalendarChange> RemoveAsync(DateOnly date, CancellationToken ct)
    {
        var day = await db.CalendarDays.SingleOrDefaultAsync(d => d.Date == date, ct);
        if (day is not null)
        {
            db.CalendarDays.Remove(day);
            await db.SaveChangesAsync(ct);
        }

        return new CalendarChange(true, $"已删除 {Display.Date(date)}，该日恢复按星期计算。");
    }
}
