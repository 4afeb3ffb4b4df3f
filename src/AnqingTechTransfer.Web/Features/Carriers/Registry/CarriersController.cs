using AnqingTechTransfer.Domain.Carriers;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AnqingTechTransfer.Web.Features.Carriers.Registry;

/// <summary>
/// 创新平台与载体: the public catalogue; counties, parks and the bureau keep the records of their region; the host keeps its
/// own profile, applies for recognition and files its yearly report; the bureau decides and assesses.
/// </summary>
[Route("carriers")]
public class CarriersController(CarrierPermissions permissions) : Controller
{
    [AllowAnonymous]
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] ListCarriersHandler list, string? q, CarrierType? type, CarrierLevel? level, string? region,
        CarrierStatus? status, int page = 1, CancellationToken ct = default) =>
        View(await list.HandleAsync(new CarrierQuery(q, type, level, region, status), page, permissions.Registers, ct));

    [Authorize]
    [HttpGet("new")]
    public IActionResult New([FromServices] RegisterCarrierHandler register) => permissions.Registers ? View(register.New()) : Forbid();

    [Authorize]
    [HttpPost("new")]
    public async Task<IActionResult> New([FromServices] RegisterCarrierHandler register, CarrierForm form, CancellationToken ct)
    {
        if (!permissions.Registers)
        {
            return Forbid();
        }

        return this.Answer(await register.HandleAsync(form, ModelState.IsValid, ct), form, carrier =>
            this.Flash(carrier.HostLinked ? "已登记，依托单位可自行维护载体信息。" : "已登记。依托单位尚未在平台注册，注册后可自行维护载体信息。",
                RedirectToAction(nameof(Details), new { id = carrier.Id })));
    }

    [AllowAnonymous]
    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Details([FromServices] CarrierDetailsHandler details, Guid id, CancellationToken ct) =>
        await details.HandleAsync(id, ct) is { } page ? View(page) : NotFound();

    [Authorize]
    [HttpPost("{id:guid}/profile")]
    public async Task<IActionResult> Profile([FromServices] KeepCarrierHandler keep, Guid id, string? contactName, string? contactPhone, string? capabilities,
        string? brokers, uint version, CancellationToken ct) =>
        this.Answer(await keep.ProfileAsync(id, contactName, contactPhone, capabilities, brokers, version, ct), c => Back("已更新载体信息。", c.Id));

    [Authorize]
    [HttpPost("{id:guid}/revoke")]
    public async Task<IActionResult> Revoke([FromServices] KeepCarrierHandler keep, Guid id, string? reason, uint version, CancellationToken ct) =>
        this.Answer(await keep.RevokeAsync(id, reason, version, ct), c => Back("已撤销。", c.Id));

    /// <summary>A host applies for a municipal recognition; its county or park nominates it for a provincial one.</summary>
    [Authorize]
    [HttpPost("{id:guid}/recognitions")]
    public async Task<IActionResult> Apply([FromServices] RecognitionHandler recognitions, Guid id, CarrierLevel level, string? statement, CancellationToken ct) =>
        this.Answer(await recognitions.ApplyAsync(id, level, statement, ct), carrier => Back("认定申请已提交市科技局。", carrier));

    [Authorize]
    [HttpPost("recognitions/{applicationId:guid}/decide")]
    public async Task<IActionResult> Decide([FromServices] RecognitionHandler recognitions, Guid applicationId, bool approve, string? reason, string? batch,
        uint version, CancellationToken ct) =>
        this.Answer(await recognitions.DecideAsync(applicationId, approve, reason, batch, version, ct),
            a => Back(approve ? "已予以认定。" : "已作出不予认定的决定。", a.CarrierId));

    /// <summary>The host files its yearly indicators (the ones its kind of carrier is asked for).</summary>
    [Authorize]
    [HttpPost("{id:guid}/reports")]
    public async Task<IActionResult> Report([FromServices] PerformanceReportHandler reports, Guid id, int year, Dictionary<string, decimal>? indicators, string? summary,
        CancellationToken ct) =>
        this.Answer(await reports.FileAsync(id, year, indicators, summary, ct), carrier => Back("年度报告已提交。", carrier));

    [Authorize]
    [HttpPost("reports/{reportId:guid}/assess")]
    public async Task<IActionResult> Assess([FromServices] PerformanceReportHandler reports, Guid reportId, Assessment assessment, string? comment, uint version,
        CancellationToken ct) =>
        this.Answer(await reports.AssessAsync(reportId, assessment, comment, version, ct), r => Back("已评价。", r.CarrierId));

    /// <summary>Done: the message, and back to the carrier's page.</summary>
    private IActionResult Back(string message, Guid carrierId) => this.Flash(message, RedirectToAction(nameof(Details), new { id = carrierId }));
}
