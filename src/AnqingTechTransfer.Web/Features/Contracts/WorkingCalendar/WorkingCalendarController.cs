using AnqingTechTransfer.Web.Authorization;
using AnqingTechTransfer.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AnqingTechTransfer.Web.Features.Contracts.WorkingCalendar;

/// <summary>
/// The bureau keeps the working-day calendar: public holidays on weekdays and make-up working days on weekends, as the
/// State Council announces them each year. Registration time limits are counted on it, so registrars read it too.
/// </summary>
[Authorize]
[Route("registration-points/calendar")]
public class WorkingCalendarController(WorkingCalendarHandler calendar, ContractPermissions permissions) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int? year, CancellationToken ct) =>
        permissions.ReadsCalendar ? View(await calendar.PageAsync(year, ct)) : Forbid();

    [HttpPost("")]
    [Authorize(Policy = Policies.BureauStaff)]
    public async Task<IActionResult> Add(DateOnly? date, bool isWorkingDay, string? name, CancellationToken ct)
    {
        Flash(await calendar.AddAsync(date, isWorkingDay, name, ct));
        return RedirectToAction(nameof(Index), new { year = date?.Year });
    }

    [HttpPost("{date}/remove")]
    [Authorize(Policy = Policies.BureauStaff)]
    public async Task<IActionResult> Remove(DateOnly date, CancellationToken ct)
    {
        Flash(await calendar.RemoveAsync(date, ct));
        return RedirectToAction(nameof(Index), new { year = date.Year });
    }

    private void Flash(CalendarChange change) =>
        TempData[change.Done ? DomainExceptionFilter.FlashSuccess : DomainExceptionFilter.FlashError] = change.Message;
}
