using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AnqingTechTransfer.Web.Features.Imports;

/// <summary>An import or export running in the background (issue 25 §3): its page with the progress and then the result, the progress as JSON, and an export's workbook.</summary>
[Authorize]
[Route("imports")]
public class ImportsController : Controller
{
    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Show([FromServices] ShowImport show, Guid id, CancellationToken ct) =>
        await show.HandleAsync(id, ct) is { } page ? View(page) : NotFound();

    /// <summary>A finished background export's workbook (its requester's); 404 for anyone else, and once it is no longer kept.</summary>
    [HttpGet("{id:guid}/file")]
    public async Task<IActionResult> Download([FromServices] ShowImport show, Guid id, CancellationToken ct) =>
        await show.FileAsync(id, ct) is { } file ? File(file.Bytes, Infrastructure.ExcelExport.ContentType, file.FileName) : NotFound();

    [HttpGet("{id:guid}/progress")]
    public async Task<IActionResult> Progress([FromServices] ShowImport show, Guid id, CancellationToken ct) =>
        await show.ProgressAsync(id, ct) is { } progress ? Json(progress) : NotFound();
}
