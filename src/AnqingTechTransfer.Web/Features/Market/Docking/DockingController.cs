using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AnqingTechTransfer.Web.Features.Market.Docking;

/// <summary>
/// 对接意向: an owner of a need or a result asks the owner of the other side; the answer opens (or not) a conversation
/// with both contacts in full, and an accepted request can be turned into a pre-filled technology contract.
/// </summary>
[Authorize]
[Route("docking")]
public class DockingController(DockingPermissions permissions) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] DockingListHandler list, int page = 1, bool waiting = false, CancellationToken ct = default) =>
        permissions.ReadsRequests ? View(await list.HandleAsync(page, waiting, ct)) : Forbid();

    /// <summary>Opened by the owner of either side; refused, the opener goes back to its own listing with the reason.</summary>
    [HttpPost("")]
    public async Task<IActionResult> Open([FromServices] OpenDockingHandler open, Guid needId, Guid resultId, string? message, CancellationToken ct)
    {
        var result = await open.HandleAsync(needId, resultId, message, ct);
        return this.Answer(result,
            opened => this.Flash("对接意向已发送，对方回复后可查看联系方式并在线沟通。", RedirectToAction(nameof(Details), new { id = opened.RequestId })),
            back =>
            {
                TempData[DomainExceptionFilter.FlashError] = result.Errors[0].Message;
                return back!.FromNeed ? RedirectToAction("Details", "Needs", new { id = needId }) : RedirectToAction("Details", "Results", new { id = resultId });
            });
    }

    /// <summary>撮合: the bureau (the city) and counties and parks (their region, for their commissioners) see the suggestions.</summary>
    [HttpGet("suggestions")]
    public async Task<IActionResult> Suggestions([FromServices] BrokerSuggestionsHandler suggestions, int page = 1, CancellationToken ct = default) =>
        permissions.Brokers ? View(await suggestions.HandleAsync(page, null, ct)) : Forbid();

    /// <summary>Proposes a need and a result to both owners; refused, the suggestions again with the reason next to the pair's form.</summary>
    [HttpPost("broker")]
    public async Task<IActionResult> Broker([FromServices] BrokerDockingHandler broker, [FromServices] BrokerSuggestionsHandler suggestions, Guid needId, Guid resultId,
        Guid? commissionerId, string? message, int page = 1, CancellationToken ct = default)
    {
        var result = await broker.HandleAsync(needId, resultId, commissionerId, message, ct);
        if (result.Verdict == Verdict.Invalid)
        {
            return View(nameof(Suggestions), await suggestions.HandleAsync(page, new BrokerAttempt(needId, resultId, message, result.Errors), ct));
        }

        return this.Answer(result, id => this.Flash("已向需求方和成果方发出撮合对接，双方都接受后即可沟通并据此登记技术合同。", RedirectToAction(nameof(Details), new { id })));
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Details([FromServices] DockingDetailsHandler details, Guid id, CancellationToken ct) =>
        await details.HandleAsync(id, ct) is { } page ? View(page) : NotFound();

    [HttpPost("{id:guid}/decide")]
    public async Task<IActionResult> Decide([FromServices] AnswerDockingHandler answer, Guid id, bool accept, string? reply, uint version, CancellationToken ct) =>
        Done(await answer.DecideAsync(id, accept, reply, version, ct), id, accept ? "已接受对接意向，双方可查看联系方式并在线沟通。" : "已婉拒。");

    [HttpPost("{id:guid}/messages")]
    public async Task<IActionResult> Post([FromServices] AnswerDockingHandler answer, Guid id, string? text, uint version, CancellationToken ct) =>
        Done(await answer.PostAsync(id, text, version, ct), id, "留言已发送。");

    private IActionResult Done<T>(RecordResult<T> result, Guid id, string message) =>
        this.Answer(result, _ => this.Flash(message, RedirectToAction(nameof(Details), new { id })));
}
