using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Messages;

/// <summary>The list page: all or only the unread messages, newest first.</summary>
public sealed record MessageListPage(bool UnreadOnly, PagedList<MessageRow> Rows);

/// <summary>The signed-in user's messages (the tenant filter limits every query to the recipient's own).</summary>
public sealed class ListMessages(PortalDbContext db) : IUseCase
{
    public async Task<MessageListPage> HandleAsync(bool unreadOnly, int page, CancellationToken ct)
    {
        var query = db.Notifications.AsNoTracking();
        if (unreadOnly)
        {
            query = query.Where(n => n.ReadAt == null);
        }

        var rows = await query.OrderByDescending(n => n.CreatedAt)
            .Select(n => new MessageRow(n.Id, n.Title, n.Body, n.Link, n.CreatedAt, n.ReadAt))
            .ToPagedListAsync(page, ct: ct);
        return new MessageListPage(unreadOnly, rows);
    }
}
