using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Audit;
using AnqingTechTransfer.Domain.Identity;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Infrastructure.Security;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.AspNetCore.Identity;

namespace AnqingTechTransfer.Web.Features.Administration.Users;

/// <summary>
/// 重置密码, 停用, 启用: one account the actor may manage (another organization's answers like one that does not exist).
/// The answer is the flash message. A broken rule (the last holder of an administrator role) is a
/// <see cref="DomainException"/>, flashed by the filter.
/// </summary>
public sealed class ManageAccountHandler(PortalDbContext db, UserManager<PortalUser> users, ICurrentActor actor, UserPermissions permissions,
    SessionRevocation sessions, TimeProvider clock) : IUseCase
{
    public Task<RecordResult<string>> DisableAsync(Guid id, CancellationToken ct) => ManageAsync(id, async (user, row) =>
    {
        foreach (var role in row.Roles.Where(PortalRoles.Administrators.Contains))
        {
            if (await UserAccounts.LastHolderAsync(db, user.Id, role, ct) is { } last)
            {
                throw new DomainException(last);
            }
        }

        user.IsDisabled = true;
        await users.UpdateAsync(user);
        await sessions.RevokeAsync(user, ct); // open sessions end at their next request, on every instance
        db.Audit("停用账户", AuditOutcome.Success, nameof(PortalUser), user.Id.ToString(), user.UserName);
        await db.SaveChangesAsync(ct);
        return $"已停用用户 {user.UserName}。";
    }, ct);

    /// <summary>Re-enabling issues a new one-time password: whoever knew (or guessed) the old one gets nothing from the re-enabling.</summary>
    public Task<RecordResult<string>> EnableAsync(Guid id, CancellationToken ct) => ManageAsync(id, async (user, _) =>
    {
        user.IsDisabled = false;
        // Re-enabling restarts the count of unused days, or a dormant account would be disabled again at its next sign-in.
        user.LastSignInAt = clock.GetUtcNow();
        var password = await UserAccounts.NewOneTimePasswordAsync(users, user);
        db.Audit("启用账户", AuditOutcome.Success, nameof(PortalUser), user.Id.ToString(), user.UserName);
        await db.SaveChangesAsync(ct);
        return $"已启用用户 {user.UserName}，新的临时密码：{password}（仅显示一次，用户登录后须立即修改）。";
    }, ct);

    public Task<RecordResult<string>> ResetPasswordAsync(Guid id, CancellationToken ct) => ManageAsync(id, async (user, _) =>
    {
        var password = await UserAccounts.NewOneTimePasswordAsync(users, user);
        db.Audit("重置密码", AuditOutcome.Success, nameof(PortalUser), user.Id.ToString(), user.UserName);
        await db.SaveChangesAsync(ct);
        return $"已重置 {user.UserName} 的密码，临时密码：{password}（仅显示一次，用户登录后须立即修改）。";
    }, ct);

    private async Task<RecordResult<string>> ManageAsync(Guid id, Func<PortalUser, UserRow, Task<string>> change, CancellationToken ct)
    {
        var row = await UserAccounts.ManagedRowAsync(db, actor, permissions, id, ct);
        if (row is null)
        {
            return RecordResult<string>.NotFound; // another organization's user answers like one that does not exist
        }

        if (!permissions.Allows(UserPermissions.Manage, row.Account))
        {
            return RecordResult<string>.Forbidden;
        }

        var user = await users.FindByIdAsync(id.ToString());
        return RecordResult<string>.Done(await change(user!, row));
    }
}
