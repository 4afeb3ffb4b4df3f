using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AnqingTechTransfer.Web.Features.Carriers.PilotServices;

/// <summary>中试服务: pilot bases publish services; enterprises request them; the base answers, completes and records the outcome.</summary>
[Route("carriers")]
public class PilotServicesController(CarrierPermissions permissions) : Controller
{
    [AllowAnonymous]
    [HttpGet("services")]
    public async Task<IActionResult> Services([FromServices] ListServicesHandler list, int page = 1, CancellationToken ct = default) =>
        View(await list.HandleAsync(page, User.Identity?.IsAuthenticated == true, ct));

    [Authorize]
    [HttpPost("{id:guid}/services")]
    public async Task<IActionResult> Publish([FromServices] PublishServiceHandler publish, Guid id, string? title, string? equipment, string? scale, string? priceRange,
        CancellationToken ct) =>
        this.Answer(await publish.HandleAsync(id, title, equipment, scale, priceRange, ct),
            carrier => this.Flash("中试服务已发布。", RedirectToAction(nameof(Registry.CarriersController.Details), "Carriers", new { id = carrier })));

    /// <summary>撤回: the base (or the bureau) withdraws a published service with a reason; open requests are told.</summary>
    [Authorize]
    [HttpPost("services/{id:guid}/withdraw")]
    public async Task<IActionResult> Withdraw([FromServices] WithdrawServiceHandler withdraw, Guid id, string? reason, uint version, CancellationToken ct) =>
        this.Answer(await withdraw.HandleAsync(id, reason, version, ct),
            carrier => this.Flash("中试服务已撤回，不再公开；已通知尚未办结的申请单位。", RedirectToAction(nameof(Registry.CarriersController.Details), "Carriers", new { id = carrier })));

    /// <summary>A refused request is told on the requests page, like a done one.</summary>
    [Authorize]
    [HttpPost("services/{id:guid}/requests")]
    public async Task<IActionResult> Ask([FromServices] AskForServiceHandler ask, Guid id, string? need, CancellationToken ct)
    {
        var result = await ask.HandleAsync(id, need, permissions.RequestsServices, ct);
        return this.Answer(result, _ => this.Flash("服务申请已提交，等待中试基地受理。", RedirectToAction(nameof(Requests))), _ =>
        {
            TempData[DomainExceptionFilter.FlashError] = result.Errors[0].Message;
            return RedirectToAction(nameof(Requests));
        });
    }

    [Authorize]
    [HttpGet("requests")]
    public async Task<IActionResult> Requests([FromServices] ServiceRequestsHandler requests, int page = 1, CancellationToken ct = default) =>
        permissions.SeesRequests ? View(await requests.ListAsync(page, ct)) : Forbid();

    [Authorize]
    [HttpPost("requests/{id:guid}/answer")]
    public async Task<IActionResult> Answer([FromServices] ServiceRequestsHandler requests, Guid id, bool accept, string? reply, uint version, CancellationToken ct) =>
        this.Answer(await requests.AnswerAsync(id, accept, reply, version, ct), _ => this.Flash(accept ? "已受理。" : "已婉拒。", RedirectToAction(nameof(Requests))));

    [Authorize]
    [HttpPost("requests/{id:guid}/complete")]
    public async Task<IActionResult> Complete([FromServices] ServiceRequestsHandler requests, Guid id, string? outcome, uint version, CancellationToken ct) =>
        this.Answer(await requests.CompleteAsync(id, outcome, version, ct), _ => this.Flash("已登记服务完成。", RedirectToAction(nameof(Requests))));
}
