using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AnqingTechTransfer.Web.Features.Projects.Awarded;

/// <summary>
/// 项目管理: the task contract of an awarded project with its tranches, disbursements, progress reports, change requests
/// and acceptance; overdue milestones stand out; and the plan's figures (the enterprise-led share, funds by programme, mode
/// and county or park).
/// </summary>
[Authorize]
[Route("projects")]
public class AwardedController(ProjectPermissions permissions) : Controller
{
    [HttpPost("applications/{id:guid}/contract")]
    public async Task<IActionResult> Contract([FromServices] TaskContractHandler contract, Guid id, DateOnly? startsOn, DateOnly? endsOn, string? tranches,
        CancellationToken ct) =>
        this.Answer(await contract.HandleAsync(id, startsOn, endsOn, tranches, permissions.ManagesPlan, ct),
            project => this.Flash("任务书已签订。", RedirectToAction(nameof(Details), new { id = project })));

    [HttpGet("awarded")]
    public async Task<IActionResult> Index([FromServices] AwardedListHandler list, bool reportDue = false, CancellationToken ct = default) =>
        permissions.ReadsAwarded ? View(await list.HandleAsync(reportDue, ct)) : Forbid();

    [HttpGet("awarded/{id:guid}")]
    public async Task<IActionResult> Details([FromServices] AwardedDetailsHandler details, Guid id, CancellationToken ct) =>
        await details.HandleAsync(id, ct) is { } view ? View(view) : NotFound();

    [HttpPost("awarded/{id:guid}/disburse")]
    public async Task<IActionResult> Disburse([FromServices] ProjectStepsHandler steps, Guid id, int tranche, decimal amount, DateOnly? paidOn, string? reference,
        CancellationToken ct) =>
        Done(await steps.DisburseAsync(id, tranche, amount, paidOn, reference, ct), "已登记拨款。");

    [HttpPost("awarded/{id:guid}/sign")]
    public async Task<IActionResult> Sign([FromServices] ProjectStepsHandler steps, Guid id, CancellationToken ct) =>
        Done(await steps.SignAsync(id, ct), "已签署三方协议。");

    [HttpPost("awarded/{id:guid}/reports")]
    public async Task<IActionResult> Report([FromServices] ProjectStepsHandler steps, Guid id, string? text, CancellationToken ct) =>
        Done(await steps.ReportAsync(id, text, ct), "进展报告已提交。");

    [HttpPost("awarded/{id:guid}/changes")]
    public async Task<IActionResult> RequestChange([FromServices] ProjectStepsHandler steps, Guid id, ChangeKind kind, string? description, DateOnly? newEndDate,
        CancellationToken ct) =>
        Done(await steps.RequestChangeAsync(id, kind, description, newEndDate, ct), "变更申请已提交，待市科技局审批。");

    [HttpPost("awarded/{id:guid}/changes/{changeId:guid}")]
    public async Task<IActionResult> DecideChange([FromServices] ProjectStepsHandler steps, Guid id, Guid changeId, bool approve, string? reply, CancellationToken ct) =>
        Done(await steps.DecideChangeAsync(id, changeId, approve, reply, ct), "已审批变更申请。");

    /// <summary>验收专家组: a panel drawn from the expert pool scores the results against the task contract.</summary>
    [HttpPost("awarded/{id:guid}/acceptance-panel")]
    public async Task<IActionResult> AcceptancePanel([FromServices] AcceptanceHandler acceptance, Guid id, CancellationToken ct) =>
        this.Answer(await acceptance.PanelAsync(id, permissions.ManagesPlan, ct),
            panel => this.Flash("已建立验收专家组，请抽取专家。", RedirectToAction("Details", "Panels", new { id = panel })));

    [HttpPost("awarded/{id:guid}/accept")]
    public async Task<IActionResult> Accept([FromServices] AcceptanceHandler acceptance, Guid id, ProjectStatus conclusion, string? opinion, CancellationToken ct) =>
        this.Answer(await acceptance.AcceptAsync(id, conclusion, opinion, permissions.ManagesPlan, ct), concluded => this.Flash(concluded == ProjectStatus.Failed
                ? $"验收结论：不通过。承担单位 {FormalCheck.SanctionYears} 年内不得申报。"
                : "验收结论已记录。", RedirectToAction(nameof(Details), new { id })));

    /// <summary>通报批评, 限制申报, 追回资金 or 终止任务书 (issue 23 §7).</summary>
    [HttpPost("awarded/{id:guid}/sanctions")]
    public async Task<IActionResult> Sanction([FromServices] SanctionsHandler sanctions, Guid id, SanctionInput input, CancellationToken ct) =>
        Done(await sanctions.ImposeAsync(id, input, permissions.ManagesPlan, ct), $"已记录处理：{ProjectSanction.Name(input.Kind)}。");

    [HttpPost("awarded/{id:guid}/sanctions/{sanctionId:guid}/recovered")]
    public async Task<IActionResult> Recovered([FromServices] SanctionsHandler sanctions, Guid id, Guid sanctionId, decimal? amount, DateOnly? on, CancellationToken ct) =>
        Done(await sanctions.RecoveredAsync(id, sanctionId, amount, on, permissions.ManagesPlan, ct), "已登记追回资金。");

    [HttpGet("figures")]
    public async Task<IActionResult> Figures([FromServices] FiguresHandler figures, CancellationToken ct) =>
        permissions.ReadsFigures ? View(await figures.HandleAsync(ct)) : Forbid();

    /// <summary>A step done: its message, back to the project.</summary>
    private IActionResult Done(RecordResult<Guid> result, string message) =>
        this.Answer(result, id => this.Flash(message, RedirectToAction(nameof(Details), new { id })));
}
