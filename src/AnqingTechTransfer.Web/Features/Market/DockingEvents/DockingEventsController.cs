using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AnqingTechTransfer.Web.Features.Market.DockingEvents;

/// <summary>对接活动: announced to everyone; the organizing bureau, county or park adds the needs and results taking part and records outcomes.</summary>
[Route("docking-events")]
public class DockingEventsController(DockingEventPermissions permissions) : Controller
{
    [AllowAnonymous]
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] EventListHandler list, int page = 1, CancellationToken ct = default) =>
        View(await list.HandleAsync(page, ct));

    [Authorize]
    [HttpGet("new")]
    public IActionResult New([FromServices] PlanEventHandler plan) => permissions.MayOrganize ? View(plan.New()) : Forbid();

    [Authorize]
    [HttpPost("new")]
    public async Task<IActionResult> New([FromServices] PlanEventHandler plan, EventForm form, CancellationToken ct)
    {
        if (!permissions.MayOrganize)
        {
            return Forbid();
        }

        return ModelState.IsValid
            ? this.Flash("活动已发布，请添加参加的需求和成果。", RedirectToAction(nameof(Details), new { id = await plan.HandleAsync(form, ct) }))
            : View(form);
    }

    [AllowAnonymous]
    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Details([FromServices] EventDetailsHandler details, Guid id, CancellationToken ct) =>
        await details.HandleAsync(id, ct) is { } page ? View(page) : NotFound();

    [Authorize]
    [HttpPost("{id:guid}/listings")]
    public async Task<IActionResult> Include([FromServices] OrganizeEventHandler organize, Guid id, List<Guid>? needIds, List<Guid>? resultIds, uint version,
        CancellationToken ct) =>
        this.Answer(await organize.IncludeAsync(id, needIds, resultIds, version, ct),
            count => this.Flash($"已添加 {count} 项。", RedirectToAction(nameof(Details), new { id })));

    [Authorize]
    [HttpPost("{id:guid}/outcomes")]
    public async Task<IActionResult> Outcome([FromServices] OrganizeEventHandler organize, Guid id, string? text, decimal? amount, uint version, CancellationToken ct) =>
        this.Answer(await organize.RecordOutcomeAsync(id, text, amount, version, ct), _ => this.Flash("已登记活动成效。", RedirectToAction(nameof(Details), new { id })));
}
