using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace AnqingTechTransfer.Web.Features.Attachments;

[Authorize]
[Route("attachments")]
public class AttachmentsController(DownloadAttachmentHandler download) : Controller
{
    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Download(Guid id, CancellationToken ct)
    {
        // Someone else's file answers exactly like a file that does not exist.
        if (await download.HandleAsync(id, ct) is not { } file)
        {
            return NotFound();
        }

        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(file.FileName);
        Response.Headers.ContentDisposition = disposition.ToString();
        Response.Headers.CacheControl = "no-store";
        return File(file.Bytes, file.ContentType);
    }
}
