using AnqingTechTransfer.Domain.Carriers;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace AnqingTechTransfer.Web.Features.Carriers.Registry;

/// <summary>
/// 创新平台与载体: the public catalogue; counties, parks and the bureau keep the records of their region; the host keeps its
/// own profile, applies for recognition and files its yearly report; the bureau decides and assesses.
/// </summary>
[Route("carriers")]
public class CarriersController(CarrierPermissions permissions) : Controller
{
    [OutputCache(PolicyName = Infrastructure.PublicPageCachePolicy.Name)] // anonymous requests only
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

    /// <summary>创新联合体: the host or the bureau adds an organization on the portal (by credit code) with its role, or removes one.</summary>
    [Authorize]
    [HttpPost("{id:guid}/members")]
    public async Task<IActionResult> AddMember([FromServices] ShapeCarrierHandler shape, Guid id, string? creditCode, ConsortiumRole role, string? duty, uint version,
        CancellationToken ct) =>
        this.Answer(await shape.AddMemberAsync(id, creditCode, role, duty, version, ct), c => Back("已添加联合体成员。", c.Id));

    [Authorize]
    [HttpPost("{id:guid}/members/{organizationId:guid}/remove")]
    public async Task<IActionResult> RemoveMember([FromServices] ShapeCarrierHandler shape, Guid id, Guid organizationId, uint version, CancellationToken ct) =>
        this.Answer(await shape.RemoveMemberAsync(id, organizationId, version, ct), c => Back("已移除联合体成员。", c.Id));

    /// <summary>飞地: the host or the bureau records where the enclave is outside Anqing and who hosts it there.</summary>
    [Authorize]
    [HttpPost("{id:guid}/enclave")]
    public async Task<IActionResult> Enclave([FromServices] ShapeCarrierHandler shape, Guid id, string? province, string? city, string? address, string? host,
        uint version, CancellationToken ct) =>
        this.Answer(await shape.LocateAsync(id, province, city, address, host, version, ct), c => Back("已保存飞地所在地。", c.Id));

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

    /// <summary>The bureau draws the recognition's expert panel from the pool (the panels module's draw).</summary>
    [Authorize]
    [HttpPost("recognitions/{applicationId:guid}/panel")]
    public async Task<IActionResult> Panel([FromServices] RecognitionPanelHandler panels, Guid applicationId, Experts.Panels.DrawForm form, uint version,
        CancellationToken ct) =>
        this.Answer(await panels.HandleAsync(applicationId, form, version, ct), carrier => Back("已组建认定评审组并随机抽取专家，抽取记录已存档。", carrier));

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
