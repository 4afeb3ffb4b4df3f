using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Messages;

/// <summary>Opens one message and marks it read; null when it is not the user's (answered like a missing one).</summary>
public sealed class ReadMessage(PortalDbContext db, TimeProvider clock) : IUseCase
{
    public async Task<MessageRow?> HandleAsync(Guid id, CancellationToken ct)
    {
        var message = await db.Notifications.SingleOrDefaultAsync(n => n.Id == id, ct);
        if (message is null)
        {
            return null;
        }

        if (message.ReadAt is null)
        {
            message.MarkRead(clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
        }

        return new MessageRow(message.Id, message.Title, message.Body, message.Link, message.CreatedAt, message.ReadAt);
    }
}
