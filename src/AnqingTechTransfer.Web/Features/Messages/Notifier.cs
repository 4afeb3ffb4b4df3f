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
    public async Task ToOrganizationAdminsAsync(Guid organizationId, string title, string body, string? link, CancellationToken ct) =>
        ToUsers(await AdminsOfAsync(organizationId, ct), title, body, link);

    /// <summary>The active admins of an organization: looked up before a synchronous step that tells them (<see cref="ToUsers"/>).</summary>
    public async Task<IReadOnlyList<Guid>> AdminsOfAsync(Guid organizationId, CancellationToken ct) =>
        await db.Users.AsNoTracking().Where(u => u.OrganizationId == organizationId && u.IsOrganizationAdmin && !u.IsDisabled).Select(u => u.Id).ToListAsync(ct);

    public void ToUsers(IEnumerable<Guid> userIds, string title, string body, string? link)
    {
        foreach (var user in userIds)
        {
            ToUser(user, title, body, link);
        }
    }
}
