using AnqingTechTransfer.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Infrastructure.Security;

/// <summary>
/// Ends sessions on every instance at their next request: the cookie's security stamp is compared with the database's on
/// each request (<see cref="SessionValidation"/>, one primary-key read), so a new stamp is a revocation wherever the
/// session is served. Used when an account is disabled, its roles or registration points change, its organization is
/// suspended, or the user signs out (which ends every copy of the session).
/// </summary>
public sealed class SessionRevocation(UserManager<PortalUser> users, PortalDbContext db)
{
    public Task RevokeAsync(PortalUser user, CancellationToken ct = default) => users.UpdateSecurityStampAsync(user);

    public async Task RevokeAsync(Guid userId, CancellationToken ct = default)
    {
        if (await users.FindByIdAsync(userId.ToString()) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }
    }

    /// <summary>Every member of the organization, in one statement.</summary>
    public Task RevokeOrganizationAsync(Guid organizationId, CancellationToken ct = default) =>
        db.Users.Where(u => u.OrganizationId == organizationId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.SecurityStamp, Guid.NewGuid().ToString("N")), ct);
}
