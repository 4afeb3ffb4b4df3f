using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Messages;

/// <summary>Marks every unread message of the user read, in one statement (which no save sees: the badge is dropped here).</summary>
public sealed class ReadAllMessages(PortalDbContext db, TimeProvider clock, DataWrites writes) : IUseCase
{
    public async Task<int> HandleAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var read = await db.Notifications.Where(n => n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
        writes.MessagesChanged([db.Actor.UserId]);
        return read;
    }
}
