using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Messages;

/// <summary>Marks every unread message of the user read, in one statement.</summary>
public sealed class ReadAllMessages(PortalDbContext db, TimeProvider clock) : IUseCase
{
    public Task<int> HandleAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return db.Notifications.Where(n => n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }
}
