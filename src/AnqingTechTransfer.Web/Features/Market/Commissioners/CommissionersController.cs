using AnqingTechTransfer.Domain.Matching;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AnqingTechTransfer.Web.Features.Market.Commissioners;

/// <summary>
/// 科技情报员、双链融合专员、科技特派员、工业互联网服务专员: registered by the bureau, a county or a park for a year (and the
/// 工业互联网服务专员 by 市经信局, which leads them), with the enterprises assigned to them and their service logs; the yearly
/// counts stand against the plan's numbers. <see cref="CommissionerPermissions"/> decides.
/// </summary>
[Authorize]
[Route("commissioners")]
public class CommissionersController(CommissionerPermissions permissions) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] CommissionerListHandler list, int? year, CommissionerKind? kind, int page = 1,
        CancellationToken ct = default) =>
        permissions.Reads ? View(await list.HandleAsync(year, kind, page, ct)) : Forbid();

    [HttpGet("new")]
    public async Task<IActionResult> New([FromServices] RegisterCommissionerHandler register, CancellationToken ct) =>
        await register.NewAsync(ct) is { } form ? View(form) : Forbid();

    [HttpPost("new")]
    public async Task<IActionResult> New([FromServices] RegisterCommissionerHandler register, CommissionerForm form, CancellationToken ct) =>
        this.Answer(await register.HandleAsync(form, ModelState.IsValid, ct), id => this.Flash("已登记。", RedirectToAction(nameof(Details), new { id })), _ => View(form));

    [HttpGet("targets")]
    public async Task<IActionResult> Targets([FromServices] CommissionerTargetsHandler targets, int? year, CancellationToken ct) =>
        await targets.FormAsync(year, ct) is { } page ? View(page) : Forbid();

    [HttpPost("targets")]
    public async Task<IActionResult> Targets([FromServices] CommissionerTargetsHandler targets, CommissionerSplitForm form, CancellationToken ct) =>
        this.Answer(await targets.SaveAsync(form, ct), page => this.Flash("已保存年度目标分解。", RedirectToAction(nameof(Index), new { year = page.Split.Year })),
            page => View(page));

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Details([FromServices] CommissionerDetailsHandler details, Guid id, CancellationToken ct) =>
        await details.HandleAsync(id, ct) is { } page ? View(page) : NotFound();

    [HttpPost("{id:guid}/assignments")]
    public async Task<IActionResult> Assign([FromServices] KeepCommissionerHandler keep, Guid id, string? enterpriseName, string? creditCode, uint version,
        CancellationToken ct) =>
        Done(await keep.AssignAsync(id, enterpriseName, creditCode, version, ct), id, "已分配服务企业。");

    [HttpPost("{id:guid}/logs")]
    public async Task<IActionResult> Log([FromServices] KeepCommissionerHandler keep, Guid id, DateOnly? on, ServiceKind kind, string? enterpriseName, string? text,
        uint version, CancellationToken ct) =>
        Done(await keep.LogAsync(id, on, kind, enterpriseName, text, version, ct), id, "已记录服务。");

    private IActionResult Done<T>(RecordResult<T> result, Guid id, string message) =>
        this.Answer(result, _ => this.Flash(message, RedirectToAction(nameof(Details), new { id })));
}
