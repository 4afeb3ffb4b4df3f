using AnqingTechTransfer.Domain.Carriers;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AnqingTechTransfer.Web.Features.Carriers.Scenarios;

/// <summary>
/// 应用场景: counties, parks, lead enterprises and the 场景促进中心 record scenario needs (挖掘、策划); the county or park of the
/// region reviews them before they are published; suppliers express interest; the author accepts it (对接) and closes with the outcome.
/// </summary>
[Route("scenarios")]
public class ScenariosController(ScenarioPermissions permissions) : Controller
{
    private const string FormView = "Form";

    [AllowAnonymous]
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] ListScenariosHandler list, ScenarioPhase? phase, string? q, int page = 1, CancellationToken ct = default) =>
        View(await list.HandleAsync(phase, page, ct, q));

    [Authorize]
    [HttpGet("manage")]
    public async Task<IActionResult> Manage([FromServices] ManageScenariosHandler manage, ScenarioStatus? status, bool mine = false, CancellationToken ct = default) =>
        permissions.MayManage ? View(await manage.HandleAsync(status is ScenarioStatus.Pending or ScenarioStatus.Returned or ScenarioStatus.Draft ? status : null, mine, ct)) : Forbid();

    [Authorize]
    [HttpGet("new")]
    public async Task<IActionResult> New([FromServices] RecordScenarioHandler record, CancellationToken ct) =>
        permissions.MayPublish ? View(FormView, await record.NewAsync(ct)) : Forbid();

    [Authorize]
    [HttpPost("new")]
    public async Task<IActionResult> New([FromServices] RecordScenarioHandler record, ScenarioForm form, CancellationToken ct)
    {
        if (!permissions.MayPublish)
        {
            return Forbid();
        }

        return this.Answer(await record.CreateAsync(form, ModelState.IsValid, ct), id => Back("场景已保存为草稿。完善后请提交所在县（市、区）或园区审核。", id), _ => View(FormView, form));
    }

    [Authorize]
    [HttpGet("{id:guid}/edit")]
    public async Task<IActionResult> Edit([FromServices] RecordScenarioHandler record, Guid id, CancellationToken ct) =>
        this.Answer(await record.FormAsync(id, ct), form => View(FormView, form));

    [Authorize]
    [HttpPost("{id:guid}/edit")]
    public async Task<IActionResult> Edit([FromServices] RecordScenarioHandler record, Guid id, ScenarioForm form, CancellationToken ct) =>
        this.Answer(await record.EditAsync(id, form, ModelState.IsValid, ct), _ => Back("场景已保存。", id), _ => View(FormView, form));

    [AllowAnonymous]
    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Details([FromServices] ScenarioDetailsHandler details, Guid id, CancellationToken ct) =>
        await details.HandleAsync(id, ct) is { } page ? View(page) : NotFound();

    [Authorize]
    [HttpPost("{id:guid}/submit")]
    public async Task<IActionResult> Submit([FromServices] ScenarioStepsHandler steps, Guid id, uint version, CancellationToken ct) =>
        this.Answer(await steps.SubmitAsync(id, version, ct), s => Back("已提交审核，审核通过后发布。", s.Id));

    [Authorize]
    [HttpPost("{id:guid}/approve")]
    public async Task<IActionResult> Approve([FromServices] ScenarioStepsHandler steps, Guid id, uint version, CancellationToken ct) =>
        this.Answer(await steps.ApproveAsync(id, version, ct), s => Back("审核通过，场景已发布。", s.Id));

    [Authorize]
    [HttpPost("{id:guid}/return")]
    public async Task<IActionResult> Return([FromServices] ScenarioStepsHandler steps, Guid id, string? reason, uint version, CancellationToken ct) =>
        this.Answer(await steps.ReturnAsync(id, reason, version, ct), s => Back("已退回，作者将看到退回理由。", s.Id));

    [Authorize]
    [HttpPost("{id:guid}/interest")]
    public async Task<IActionResult> Interest([FromServices] ScenarioStepsHandler steps, Guid id, string? text, Guid? resultId, uint version, CancellationToken ct) =>
        this.Answer(await steps.ExpressInterestAsync(id, text, resultId, version, ct), s => Back("意向已提交，发布单位将与您联系。", s.Id));

    [Authorize]
    [HttpPost("{id:guid}/accept")]
    public async Task<IActionResult> Accept([FromServices] ScenarioStepsHandler steps, Guid id, Guid organizationId, uint version, CancellationToken ct) =>
        this.Answer(await steps.AcceptAsync(id, organizationId, version, ct), s => Back("已确认对接，请与该单位联系落实场景应用。", s.Id));

    [Authorize]
    [HttpPost("{id:guid}/close")]
    public async Task<IActionResult> Close([FromServices] ScenarioStepsHandler steps, Guid id, string? outcome, uint version, CancellationToken ct) =>
        this.Answer(await steps.CloseAsync(id, outcome, version, ct), s => Back("已登记场景应用结果。", s.Id));

    private IActionResult Back(string message, Guid id) => this.Flash(message, RedirectToAction(nameof(Details), new { id }));
}
