using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Contracts.RegistrationPoints;

/// <summary>What an assignment did: done (a success message) or refused (why).</summary>
public sealed record AssignmentResult(bool Done, string Message);

/// <summary>
/// Assigns a registrar to a point (only an account with the registrar's role; effective within a minute) and takes one
/// away (at the registrar's next request: the session is revoked).
/// </summary>
public class RegistrarAssignmentHandler(PortalDbContext db, UserManager<PortalUser> users, RegistrationPointPermissions permissions, TimeProvider clock,
    SessionRevocation sessions) : IUseCase
{
    /// <summary>Null when there is no such point.</summary>
    public async Task<AssignmentResult?> AssignAsync(Guid id, string? userName, CancellationToken ct)
    {
        if (!await db.RegistrationPoints.AnyAsync(p => p.Id == id, ct))
        {
            return null;
        }

        var user = string.IsNullOrWhiteSpace(userName) ? null : await users.FindByNameAsync(userName.Trim());
        if (user is null || !await permissions.MayBeAssignedAsync(user))
        {
            return new AssignmentResult(false, "未找到该用户，或该用户没有“技术合同登记员”角色。");
        }

        if (await db.RegistrationPointRegistrars.AnyAsync(r => r.PointId == id && r.UserId == user.Id, ct))
        {
            return new AssignmentResult(false, "该登记员已在本登记点。");
        }

        db.RegistrationPointRegistrars.Add(new RegistrationPointRegistrar(id, user.Id, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return new AssignmentResult(true, $"已指派登记员 {user.UserName}（一分钟内生效）。");
    }

    /// <summary>Removing twice (two tabs, a double click) leaves the same result: not assigned.</summary>
    public async Task UnassignAsync(Guid id, Guid userId, CancellationToken ct)
    {
        var assignment = await db.RegistrationPointRegistrars.SingleOrDefaultAsync(r => r.PointId == id && r.UserId == userId, ct);
        if (assignment is not null)
        {
            db.RegistrationPointRegistrars.Remove(assignment);
            await db.SaveChangesAsync(ct);
            await sessions.RevokeAsync(userId, ct); // the point's contracts are out of reach at the registrar's next request
        }
    }
}
