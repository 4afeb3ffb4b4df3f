using AnqingTechTransfer.Domain.Enterprises;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AnqingTechTransfer.Web.Features.Enterprises.Qualifications;

/// <summary>
/// 企业资质: high-tech certificates, tech-SME registrations and 专精特新 recognitions, entered by enterprises and confirmed by
/// their county, park or the bureau. Each user sees the records of their scope (tenant filter); only confirmed records
/// count toward the indicators.
/// </summary>
[Authorize]
[Route("enterprises")]
public class QualificationsController(EnterprisePermissions permissions, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] HighTechListHandler list, Confirmation? confirmation, string? q, int? year, string? region, int? countedIn,
        int page = 1, CancellationToken ct = default) =>
        permissions.Reads ? View(await list.HandleAsync(Filters(confirmation, q, region), year, countedIn, page, ct)) : Forbid();

    [HttpGet("export")]
    public async Task<IActionResult> Export([FromServices] HighTechExportHandler export, Confirmation? confirmation, string? q, string? region, int? countedIn,
        CancellationToken ct) =>
        permissions.Reads ? await this.ToExcelAsync(await export.HandleAsync(Filters(confirmation, q, region), countedIn, ct), HighTechExportHandler.Name, clock) : Forbid();

    [HttpGet("high-tech/new")]
    public async Task<IActionResult> NewHighTech([FromServices] EnterQualificationHandler enter, CancellationToken ct) =>
        permissions.Enters ? View(await enter.NewHighTechAsync(ct)) : Forbid();

    [HttpPost("high-tech/new")]
    public async Task<IActionResult> NewHighTech([FromServices] EnterQualificationHandler enter, HighTechForm form, CancellationToken ct) =>
        permissions.Enters ? Entered(await enter.HighTechAsync(form, ModelState.IsValid, ct), form, nameof(Index)) : Forbid();

    [HttpPost("high-tech/{id:guid}/confirm")]
    public Task<IActionResult> Confirm([FromServices] DecideQualificationHandler decide, Guid id, uint version, CancellationToken ct) =>
        DecideAsync(decide, QualificationList.HighTech, id, version, true, nameof(Index), ct);

    [HttpPost("high-tech/{id:guid}/reject")]
    public Task<IActionResult> Reject([FromServices] DecideQualificationHandler decide, Guid id, uint version, CancellationToken ct) =>
        DecideAsync(decide, QualificationList.HighTech, id, version, false, nameof(Index), ct);

    [HttpGet("tech-sme")]
    public async Task<IActionResult> TechSmes([FromServices] TechSmeListHandler list, Confirmation? confirmation, string? q, int? year, string? region, int page = 1,
        CancellationToken ct = default) =>
        permissions.Reads ? View(await list.HandleAsync(Filters(confirmation, q, region), year, page, ct)) : Forbid();

    [HttpGet("tech-sme/new")]
    public IActionResult NewTechSme() => permissions.Enters ? View(new TechSmeForm { Year = Display.Local(clock.GetUtcNow()).Year }) : Forbid();

    [HttpPost("tech-sme/new")]
    public async Task<IActionResult> NewTechSme([FromServices] EnterQualificationHandler enter, TechSmeForm form, CancellationToken ct) =>
        permissions.Enters ? Entered(await enter.TechSmeAsync(form, ModelState.IsValid, ct), form, nameof(TechSmes)) : Forbid();

    [HttpPost("tech-sme/{id:guid}/confirm")]
    public Task<IActionResult> ConfirmTechSme([FromServices] DecideQualificationHandler decide, Guid id, uint version, CancellationToken ct) =>
        DecideAsync(decide, QualificationList.TechSme, id, version, true, nameof(TechSmes), ct);

    [HttpPost("tech-sme/{id:guid}/reject")]
    public Task<IActionResult> RejectTechSme([FromServices] DecideQualificationHandler decide, Guid id, uint version, CancellationToken ct) =>
        DecideAsync(decide, QualificationList.TechSme, id, version, false, nameof(TechSmes), ct);

    [HttpGet("specialized")]
    public async Task<IActionResult> Specialized([FromServices] SpecializedListHandler list, Confirmation? confirmation, string? q, SpecializedLevel? level, string? region,
        int page = 1, CancellationToken ct = default) =>
        permissions.Reads ? View(await list.HandleAsync(Filters(confirmation, q, region), level, page, ct)) : Forbid();

    [HttpGet("specialized/new")]
    public IActionResult NewSpecialized() => permissions.Enters ? View(new SpecializedForm { Year = Display.Local(clock.GetUtcNow()).Year }) : Forbid();

    [HttpPost("specialized/new")]
    public async Task<IActionResult> NewSpecialized([FromServices] EnterQualificationHandler enter, SpecializedForm form, CancellationToken ct) =>
        permissions.Enters ? Entered(await enter.SpecializedAsync(form, ModelState.IsValid, ct), form, nameof(Specialized)) : Forbid();

    [HttpPost("specialized/{id:guid}/confirm")]
    public Task<IActionResult> ConfirmSpecialized([FromServices] DecideQualificationHandler decide, Guid id, uint version, CancellationToken ct) =>
        DecideAsync(decide, QualificationList.Specialized, id, version, true, nameof(Specialized), ct);

    [HttpPost("specialized/{id:guid}/reject")]
    public Task<IActionResult> RejectSpecialized([FromServices] DecideQualificationHandler decide, Guid id, uint version, CancellationToken ct) =>
        DecideAsync(decide, QualificationList.Specialized, id, version, false, nameof(Specialized), ct);

    private QualificationFilters Filters(Confirmation? confirmation, string? q, string? region) =>
        new(confirmation, q, region, permissions.Confirms, permissions.Enters);

    /// <summary>The end of the three entry forms: the form again with its errors, or the list with the handler's message.</summary>
    private IActionResult Entered(Outcome<string> outcome, object form, string list)
    {
        ModelState.AddErrors(outcome.Errors);
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        TempData[DomainExceptionFilter.FlashSuccess] = outcome.Value;
        return RedirectToAction(list);
    }

    private async Task<IActionResult> DecideAsync(DecideQualificationHandler decide, QualificationList kind, Guid id, uint version, bool confirm, string list,
        CancellationToken ct)
    {
        return this.Answer(await decide.HandleAsync(kind, id, version, confirm, permissions.Confirms, ct), message => this.Flash(message, RedirectToAction(list)));
    }
}
