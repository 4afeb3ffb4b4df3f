using System.Security.Cryptography;
using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Identity;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Administration.Users;

/// <summary>
/// What the user-management use cases share: the accounts the actor sees (with their roles and whether the actor may
/// manage them), the 三权分立 last-holder rule and the one-time passwords.
/// </summary>
public static class UserAccounts
{
    public static IQueryable<UserRow> Query(PortalDbContext db, ICurrentActor actor, string? q, Guid? id = null)
    {
        var query = db.Users.AsNoTracking().VisibleTo(actor);
        if (id is { } one)
        {
            query = query.Where(u => u.Id == one);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            query = query.Where(u => EF.Functions.ILike(u.UserName!, "%" + term + "%") || EF.Functions.ILike(u.DisplayName, "%" + term + "%"));
        }

        return query.OrderBy(u => u.UserName)
            .Join(db.Organizations, u => u.OrganizationId, o => o.Id, (u, o) => new UserRow(u.Id, u.UserName!, u.DisplayName, o.Name,
                u.IsOrganizationAdmin, u.IsDisabled, u.LockoutEnd, u.PasswordChangedAt, u.TwoFactorEnabled, o.Id, o.Kind, o.RegionCode));
    }

    public static async Task AttachRolesAsync(PortalDbContext db, ICurrentActor actor, UserPermissions permissions, IReadOnlyList<UserRow> rows,
        CancellationToken ct)
    {
        var ids = rows.Select(r => r.Id).ToList();
        var roles = await db.UserRoles.Where(ur => ids.Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(ct);
        foreach (var row in rows)
        {
            row.Roles = roles.Where(r => r.UserId == row.Id).Select(r => r.Name!).Order().ToList();
            row.ReadOnlyReason = permissions.WhyNotManage(row.Account);
            row.IsSelf = row.Id == actor.UserId;
        }
    }

    /// <summary>One account the actor sees, with its roles; null when it is not there or another organization's.</summary>
    public static async Task<UserRow?> ManagedRowAsync(PortalDbContext db, ICurrentActor actor, UserPermissions permissions, Guid id, CancellationToken ct)
    {
        var row = await Query(db, actor, null, id).SingleOrDefaultAsync(ct);
        if (row is not null)
        {
            await AttachRolesAsync(db, actor, permissions, [row], ct);
        }

        return row;
    }

    /// <summary>三权分立 needs all three: the last active holder of an administrator role keeps it and stays enabled.</summary>
    public static async Task<string?> LastHolderAsync(PortalDbContext db, Guid userId, string role, CancellationToken ct)
    {
        var others = await db.UserRoles.Join(db.Roles.Where(r => r.Name == role), ur => ur.RoleId, r => r.Id, (ur, _) => ur.UserId)
            .Join(db.Users.Where(u => !u.IsDisabled && u.Id != userId), id => id, u => u.Id, (id, _) => id)
            .AnyAsync(ct);
        return others ? null : $"“{PortalRoles.DisplayName(role)}”须至少保留一名在用的账户，请先为他人分配该角色";
    }

    /// <summary>A new one-time password on the account, which its holder must change at the next sign-in; the lockout is lifted.</summary>
    public static async Task<string> NewOneTimePasswordAsync(UserManager<PortalUser> users, PortalUser user)
    {
        var password = OneTimePassword();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded)
        {
            throw new DomainException(string.Join("；", result.Errors.Select(e => e.Description)));
        }

        user.MustChangePassword = true;
        await users.UpdateAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return password;
    }

    /// <summary>A random password that meets the policy; shown once to the admin, changed by the user at first sign-in.</summary>
    internal static string OneTimePassword()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", lower = "abcdefghijkmnpqrstuvwxyz", digits = "23456789", symbols = "@#%&*+=?";
        var chars = new[] { upper, lower, digits, symbols }.Select(set => set[RandomNumberGenerator.GetInt32(set.Length)]).ToList();
        var all = upper + lower + digits;
        while (chars.Count < 12)
        {
            chars.Add(all[RandomNumberGenerator.GetInt32(all.Length)]);
        }

        return new string(chars.OrderBy(_ => RandomNumberGenerator.GetInt32(1000)).ToArray());
    }
}
