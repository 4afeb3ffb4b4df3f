using AnqingTechTransfer.Domain.Messaging;
using AnqingTechTransfer.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Messages;

/// <summary>Sends in-app messages; added to the caller's unit of work, so they are saved with the change they report.</summary>
public class Notifier(PortalDbContext db, TimeProvider clock)
{
    public void ToUser(Guid userId, string title, string body, string? link = null) =>
        db.Notifications.Add(Notification.To(userId, title, body, link, clock.GetUtcNow()));

    /// <summary>To the admins of an organization the caller has already been authorized to act on.</summary>
    public async Task ToOrganizationAdminsAsync(Guid organizationId, string title, string body, string? link, CancellationToken ct)
    {
        var admins = await db.Users.AsNoTracking()
            .Where(u => u.OrganizationId == organizationId && u.IsOrganizationAdmin && !u.IsDisabled)
            .Select(u => u.Id).ToListAsync(ct);
        foreach (var admin in admins)
        {
            ToUser(admin, title, body, link);
        }
    }
}
