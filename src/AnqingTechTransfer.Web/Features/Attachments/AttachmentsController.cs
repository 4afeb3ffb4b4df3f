using AnqingTechTransfer.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace AnqingTechTransfer.Web.Features.Attachments;

[Authorize]
[Route("attachments")]
public class AttachmentsController(PortalDbContext db, IAttachmentStore store, IEnumerable<IAttachmentOwner> owners) : Controller
{
    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Download(Guid id, CancellationToken ct)
    {
        var attachment = await db.Attachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
        var owner = attachment is null ? null : owners.FirstOrDefault(o => o.OwnerType == attachment.OwnerType);
        // Someone else's file answers exactly like a file that does not exist.
        if (attachment is null || owner is null || !await owner.CanSeeAsync(attachment.OwnerId, ct))
        {
            return NotFound();
        }

        var bytes = await store.ReadAsync(id, ct);
        if (bytes is null)
        {
            return NotFound();
        }

        db.Audit("下载附件", Domain.Audit.AuditOutcome.Success, nameof(Domain.Files.Attachment), id.ToString(), attachment.FileName);
        await db.SaveChangesAsync(ct);
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(attachment.FileName);
        Response.Headers.ContentDisposition = disposition.ToString();
        Response.Headers.CacheControl = "no-store";
        return File(bytes, Domain.Files.FileSignature.ContentType(attachment.Kind));
    }
}
