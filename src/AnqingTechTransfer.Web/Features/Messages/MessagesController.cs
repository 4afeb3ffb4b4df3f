using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AnqingTechTransfer.Web.Features.Messages;

/// <summary>In-app messages (站内消息): every signed-in user reads their own; one use case per action.</summary>
[Authorize]
[Route("messages")]
public class MessagesController : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] ListMessages list, bool unread = false, int page = 1, CancellationToken ct = default) =>
        View(await list.HandleAsync(unread, page, ct));

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Show([FromServices] ReadMessage read, Guid id, CancellationToken ct) =>
        await read.HandleAsync(id, ct) is { } message ? View(message) : NotFound();

    [HttpPost("read-all")]
    public async Task<IActionResult> ReadAll([FromServices] ReadAllMessages readAll, CancellationToken ct)
    {
        await readAll.HandleAsync(ct);
        return RedirectToAction(nameof(Index));
    }
}
