using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Messages;

public sealed record MessageRow(Guid Id, string Title, string Body, string? Link, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

/// <summary>In-app messages (站内消息). The tenant filter limits every query to the signed-in user's own messages.</summary>
[Authorize]
[Route("messages")]
public class MessagesController(PortalDbContext db, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(bool unread = false, int page = 1, CancellationToken ct = default)
    {
        var query = db.Notifications.AsNoTracking();
        if (unread)
        {
            query = query.Where(n => n.ReadAt == null);
        }

        ViewData["Unread"] = unread;
        return View(await query.OrderByDescending(n => n.CreatedAt)
            .Select(n => new MessageRow(n.Id, n.Title, n.Body, n.Link, n.CreatedAt, n.ReadAt))
            .ToPagedListAsync(page, ct: ct));
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Show(Guid id, CancellationToken ct)
    {
        var message = await db.Notifications.SingleOrDefaultAsync(n => n.Id == id, ct);
        if (message is null)
        {
            return NotFound();
        }

        if (message.ReadAt is null)
        {
            message.MarkRead(clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
        }

        return View(new MessageRow(message.Id, message.Title, message.Body, message.Link, message.CreatedAt, message.ReadAt));
    }

    [HttpPost("read-all")]
    public async Task<IActionResult> ReadAll(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await db.Notifications.Where(n => n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
        return RedirectToAction(nameof(Index));
    }
}
