using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AnqingTechTransfer.Web.Features.Imports;

/// <summary>An import running in the background (issue 25 §3): its page with the progress and then the result, and the progress as JSON.</summary>
[Authorize]
[Route("imports")]
public class ImportsController : Controller
{
    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Show([FromServices] ShowImport show, Guid id, CancellationToken ct) =>
        await show.HandleAsync(id, ct) is { } page ? View(page) : NotFound();

    [HttpGet("{id:guid}/progress")]
    public async Task<IActionResult> Progress([FromServices] ShowImport show, Guid id, CancellationToken ct) =>
        await show.ProgressAsync(id, ct) is { } progress ? Json(progress) : NotFound();
}
