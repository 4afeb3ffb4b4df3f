using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Web.Authorization;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.WorkingCalendar;

/// <summary>
/// The bureau keeps the working-day calendar: public holidays on weekdays and make-up working days on weekends, as the
/// State Council announces them each year. Registration time limits are counted on it.
/// </summary>
[Authorize(Policy = Policies.BureauStaff)]
[Route("registration-points/calendar")]
public class WorkingCalendarController(PortalDbContext db, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int? year, CancellationToken ct)
    {
        var chosen = year ?? Features.Shared.Display.Local(clock.GetUtcNow()).Year;
        var first = new DateOnly(chosen, 1, 1);
        var last = new DateOnly(chosen, 12, 31);
        ViewData["Year"] = chosen;
        return View(await db.CalendarDays.AsNoTracking().Where(d => d.Date >= first && d.Date <= last).OrderBy(d => d.Date).ToListAsync(ct));
    }

    [HttpPost("")]
    public async Task<IActionResult> Add(DateOnly? date, bool isWorkingDay, string? name, CancellationToken ct)
    {
        if (date is null || string.IsNullOrWhiteSpace(name) || name.Trim().Length > 50)
        {
            TempData[DomainExceptionFilter.FlashError] = "请填写日期和名称（不超过50个字）。";
        }
        else if (await db.CalendarDays.AnyAsync(d => d.Date == date, ct))
        {
            TempData[DomainExceptionFilter.FlashError] = $"{Features.Shared.Display.Date(date)} 已在日历中，请先删除再重新添加。";
        }
        else
        {
            db.CalendarDays.Add(new CalendarDay(date.Value, isWorkingDay, name.Trim()));
            await db.SaveChangesAsync(ct);
            TempData[DomainExceptionFilter.FlashSuccess] = $"已添加 {Features.Shared.Display.Date(date)}（{(isWorkingDay ? "调休上班" : "放假")}）。";
        }

        return RedirectToAction(nameof(Index), new { year = date?.Year });
    }

    [HttpPost("{date}/remove")]
    public async Task<IActionResult> Remove(DateOnly date, CancellationToken ct)
    {
        var day = await db.CalendarDays.SingleOrDefaultAsync(d => d.Date == date, ct);
        if (day is not null)
        {
            db.CalendarDays.Remove(day);
            await db.SaveChangesAsync(ct);
        }

        TempData[DomainExceptionFilter.FlashSuccess] = $"已删除 {Features.Shared.Display.Date(date)}，该日恢复按星期计算。";
        return RedirectToAction(nameof(Index), new { year = date.Year });
    }
}
