using AnqingTechTransfer.Domain.Carriers;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AnqingTechTransfer.Web.Features.Carriers.Scenarios;

/// <summary>应用场景: counties, parks and leading enterprises publish places where new technology can be tried first; suppliers express interest.</summary>
[Route("scenarios")]
public class ScenariosController(ScenarioPermissions permissions) : Controller
{
    [AllowAnonymous]
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] ListScenariosHandler list, ScenarioStatus? status, int page = 1, CancellationToken ct = default) =>
        View(await list.HandleAsync(status, page, permissions.MayPublish, ct));

    [Authorize]
    [HttpGet("new")]
    public IActionResult New([FromServices] PublishScenarioHandler publish) => permissions.MayPublish ? View(publish.New()) : Forbid();

    [Authorize]
    [HttpPost("new")]
    public async Task<IActionResult> New([FromServices] PublishScenarioHandler publish, ScenarioForm form, CancellationToken ct)
    {
        if (!permissions.MayPublish)
        {
            return Forbid();
        }

        return this.Answer(await publish.HandleAsync(form, ModelState.IsValid, ct), form, id => Back("应用场景已发布。", id));
    }

    [AllowAnonymous]
    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Details([FromServices] ScenarioDetailsHandler details, Guid id, CancellationToken ct) =>
        await details.HandleAsync(id, ct) is { } page ? View(page) : NotFound();

    [Authorize]
    [HttpPost("{id:guid}/interest")]
    public async Task<IActionResult> Interest([FromServices] ScenarioStepsHandler steps, Guid id, string? text, uint version, CancellationToken ct) =>
        this.Answer(await steps.ExpressInterestAsync(id, text, version, ct), s => Back("意向已提交，发布单位将与您联系。", s.Id));

    [Authorize]
    [HttpPost("{id:guid}/close")]
    public async Task<IActionResult> Close([FromServices] ScenarioStepsHandler steps, Guid id, string? outcome, uint version, CancellationToken ct) =>
        this.Answer(await steps.CloseAsync(id, outcome, version, ct), s => Back("已登记场景应用结果。", s.Id));

    private IActionResult Back(string message, Guid id) => this.Flash(message, RedirectToAction(nameof(Details), new { id }));
}
