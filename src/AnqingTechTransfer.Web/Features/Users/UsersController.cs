using System.Security.Cryptography;
using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Audit;
using AnqingTechTransfer.Domain.Identity;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Web.Authorization;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Infrastructure;
using AnqingTechTransfer.Web.Infrastructure.Security;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs.Attributes;

namespace AnqingTechTransfer.Web.Features.Users;

/// <summary>Users of one's own organization (organization admins) or of all organizations (bureau admin).</summary>
[Authorize(Policy = Policies.UserManager)]
[Route("admin/users")]
public class UsersController(
    PortalDbContext db,
    UserManager<PortalUser> users,
    IAuthorizationService authorization,
    ICurrentActor actor,
    UserPermissions permissions,
    SessionRevocation sessions,
    TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, int page = 1, CancellationToken ct = default)
    {
        ViewData["Q"] = q;
        var list = await Query(q).ToPagedListAsync(page, ct: ct);
        await AttachRolesAsync(list.Items, ct);
        return View(list);
    }

    [HttpGet("export")]
    public async Task<IActionResult> Export(string? q, CancellationToken ct)
    {
        var rows = await Query(q).Take(ExcelExport.MaxRows).ToListAsync(ct);
        await AttachRolesAsync(rows, ct);
        db.Audit("导出", AuditOutcome.Success, nameof(PortalUser), null, $"用户列表 {rows.Count} 行");
        await db.SaveChangesAsync(ct);
        return await this.ToExcelAsync(rows.Select(r => new UserExportRow
        {
            UserName = r.UserName,
            DisplayName = r.DisplayName,
            Organization = r.OrganizationName,
            Roles = string.Join("、", r.Roles.Select(PortalRoles.DisplayName)),
            Status = r.IsDisabled ? "已停用" : "正常",
            ManagedBy = r.ReadOnlyReason is null ? "本单位管理员" : "市科技局系统管理员",
        }), "用户列表", clock);
    }

    [HttpGet("new")]
    public async Task<IActionResult> New(CancellationToken ct)
    {
        await PrepareFormAsync(ct);
        return View(new NewUserForm());
    }

    [HttpPost("new")]
    public async Task<IActionResult> New(NewUserForm form, CancellationToken ct)
    {
        var organization = await TargetOrganizationAsync(form, ct);
        if (form.Roles.Count == 0)
        {
            ModelState.AddModelError(nameof(form.Roles), "请至少选择一个角色");
        }
        else if (organization is not null)
        {
            var target = new GrantTarget(organization.Id, organization.Kind, organization.RegionCode);
            var refusals = form.Roles.Distinct().Select(r => permissions.WhyNotGrant(r, target)).OfType<string>()
                .Append(RoleGrants.CheckSeparation(form.Roles)).OfType<string>().Distinct().ToList();
            if (refusals.Count > 0)
            {
                ModelState.AddModelError(nameof(form.Roles), string.Join("；", refusals));
            }
        }

        if (!string.IsNullOrEmpty(form.UserName) && await users.FindByNameAsync(form.UserName) is not null)
        {
            ModelState.AddModelError(nameof(form.UserName), "该用户名已被使用");
        }

        if (!ModelState.IsValid || organization is null)
        {
            await PrepareFormAsync(ct);
            return View(form);
        }

        var password = OneTimePassword();
        var user = new PortalUser
        {
            UserName = form.UserName,
            DisplayName = form.DisplayName.Trim(),
            OrganizationId = organization.Id,
            IsOrganizationAdmin = form.IsOrganizationAdmin,
            MustChangePassword = true,
            CreatedAt = clock.GetUtcNow(),
        };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var created = await users.CreateAsync(user, password);
        if (created.Succeeded)
        {
            created = await users.AddToRolesAsync(user, form.Roles.Distinct());
        }

        if (!created.Succeeded)
        {
            ModelState.AddModelError(string.Empty, string.Join("；", created.Errors.Select(e => e.Description)));
            await PrepareFormAsync(ct);
            return View(form);
        }

        db.Audit("分配角色", AuditOutcome.Success, nameof(PortalUser), user.Id.ToString(),
            $"{user.UserName}：{string.Join("、", form.Roles.Distinct().Select(PortalRoles.DisplayName))}");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        TempData[DomainExceptionFilter.FlashSuccess] = $"已创建用户 {user.UserName}，初始密码：{password}（仅显示一次，用户首次登录须修改）。";
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("{id:guid}/roles")]
    public async Task<IActionResult> Roles(Guid id, CancellationToken ct)
    {
        var row = await ManagedRowAsync(id, ct);
        if (row is null)
        {
            return NotFound();
        }

        if (row.ReadOnlyReason is not null)
        {
            return Forbid();
        }

        return View(RolesPage(row, new UserRolesForm { Roles = [.. row.Roles] }));
    }

    [HttpPost("{id:guid}/roles")]
    public async Task<IActionResult> Roles(Guid id, UserRolesForm form, CancellationToken ct)
    {
        var row = await ManagedRowAsync(id, ct);
        if (row is null)
        {
            return NotFound();
        }

        if (row.ReadOnlyReason is not null)
        {
            return Forbid();
        }

        var wanted = form.Roles.Where(PortalRoles.All.Contains).Distinct().ToList();
        var added = wanted.Except(row.Roles).ToList();
        var removed = row.Roles.Except(wanted).ToList();
        var refusals = added.Concat(removed).Select(r => permissions.WhyNotGrant(r, row.Account.Target))
            .Append(RoleGrants.CheckSeparation(wanted))
            .Append(wanted.Count == 0 ? "请至少保留一个角色" : null)
            .OfType<string>().ToList();
        foreach (var role in removed.Where(PortalRoles.Administrators.Contains))
        {
            refusals.AddRange(await LastHolderAsync(row.Id, role, ct) is { } last ? [last] : []);
        }

        if (refusals.Count > 0)
        {
            ModelState.AddModelError(nameof(form.Roles), string.Join("；", refusals.Distinct()));
            return View(RolesPage(row, form));
        }

        var user = await users.FindByIdAsync(id.ToString());
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var result = await users.RemoveFromRolesAsync(user!, removed);
        if (result.Succeeded)
        {
            result = await users.AddToRolesAsync(user!, added);
        }

        if (!result.Succeeded)
        {
            ModelState.AddModelError(nameof(form.Roles), string.Join("；", result.Errors.Select(e => e.Description)));
            return View(RolesPage(row, form));
        }

        await sessions.RevokeAsync(user!, ct); // a role taken away must not stay in an open session
        foreach (var (action, roles) in new[] { ("分配角色", added), ("撤销角色", removed) }.Where(c => c.Item2.Count > 0))
        {
            db.Audit(action, AuditOutcome.Success, nameof(PortalUser), user!.Id.ToString(), $"{user.UserName}：{string.Join("、", roles.Select(PortalRoles.DisplayName))}");
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        TempData[DomainExceptionFilter.FlashSuccess] = $"已更新 {row.UserName} 的角色。";
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id:guid}/disable")]
    public Task<IActionResult> Disable(Guid id, CancellationToken ct) => ManageAsync(id, async (user, row) =>
    {
        foreach (var role in row.Roles.Where(PortalRoles.Administrators.Contains))
        {
            if (await LastHolderAsync(user.Id, role, ct) is { } last)
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
    [HttpPost("{id:guid}/enable")]
    public Task<IActionResult> Enable(Guid id, CancellationToken ct) => ManageAsync(id, async (user, _) =>
    {
        user.IsDisabled = false;
        // Re-enabling restarts the count of unused days, or a dormant account would be disabled again at its next sign-in.
        user.LastSignInAt = clock.GetUtcNow();
        var password = await NewOneTimePasswordAsync(user);
        db.Audit("启用账户", AuditOutcome.Success, nameof(PortalUser), user.Id.ToString(), user.UserName);
        await db.SaveChangesAsync(ct);
        return $"已启用用户 {user.UserName}，新的临时密码：{password}（仅显示一次，用户登录后须立即修改）。";
    }, ct);

    [HttpPost("{id:guid}/reset-password")]
    public Task<IActionResult> ResetPassword(Guid id, CancellationToken ct) => ManageAsync(id, async (user, _) =>
    {
        var password = await NewOneTimePasswordAsync(user);
        db.Audit("重置密码", AuditOutcome.Success, nameof(PortalUser), user.Id.ToString(), user.UserName);
        await db.SaveChangesAsync(ct);
        return $"已重置 {user.UserName} 的密码，临时密码：{password}（仅显示一次，用户登录后须立即修改）。";
    }, ct);

    private async Task<string> NewOneTimePasswordAsync(PortalUser user)
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

    private async Task<IActionResult> ManageAsync(Guid id, Func<PortalUser, UserRow, Task<string>> change, CancellationToken ct)
    {
        var row = await ManagedRowAsync(id, ct);
        if (row is null)
        {
            return NotFound(); // another organization's user answers like one that does not exist
        }

        if (!(await authorization.AuthorizeAsync(User, row.Account, UserPermissions.Manage)).Succeeded)
        {
            return Forbid();
        }

        var user = await users.FindByIdAsync(id.ToString());
        TempData[DomainExceptionFilter.FlashSuccess] = await change(user!, row);
        return RedirectToAction(nameof(Index));
    }

    /// <summary>三权分立 needs all three: the last active holder of an administrator role keeps it and stays enabled.</summary>
    private async Task<string?> LastHolderAsync(Guid userId, string role, CancellationToken ct)
    {
        var others = await db.UserRoles.Join(db.Roles.Where(r => r.Name == role), ur => ur.RoleId, r => r.Id, (ur, _) => ur.UserId)
            .Join(db.Users.Where(u => !u.IsDisabled && u.Id != userId), id => id, u => u.Id, (id, _) => id)
            .AnyAsync(ct);
        return others ? null : $"“{PortalRoles.DisplayName(role)}”须至少保留一名在用的账户，请先为他人分配该角色";
    }

    private async Task<UserRow?> ManagedRowAsync(Guid id, CancellationToken ct)
    {
        var row = await Query(null, id).SingleOrDefaultAsync(ct);
        if (row is not null)
        {
            await AttachRolesAsync([row], ct);
        }

        return row;
    }

    private UserRolesPage RolesPage(UserRow row, UserRolesForm form) =>
        new(row, PortalRoles.All
            .Select(r => (r, row.Roles.Contains(r), permissions.WhyNotGrant(r, row.Account.Target)))
            .Where(c => c.Item2 || c.Item3 is null)
            .ToList(), form);

    private IQueryable<UserRow> Query(string? q, Guid? id = null)
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

    private async Task AttachRolesAsync(IReadOnlyList<UserRow> rows, CancellationToken ct)
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

    private async Task<Organization?> TargetOrganizationAsync(NewUserForm form, CancellationToken ct)
    {
        if (!permissions.ChoosesOrganization || string.IsNullOrWhiteSpace(form.OrganizationCreditCode))
        {
            var own = actor.OrganizationId;
            return await db.Organizations.SingleOrDefaultAsync(o => o.Id == own, ct);
        }

        var code = CreditCode.Normalize(form.OrganizationCreditCode);
        var organization = await db.Organizations.SingleOrDefaultAsync(o => o.CreditCode == code, ct);
        if (organization is null)
        {
            ModelState.AddModelError(nameof(form.OrganizationCreditCode), "未找到该统一社会信用代码对应的单位");
        }
        else if (organization.Status != OrganizationStatus.Active)
        {
            ModelState.AddModelError(nameof(form.OrganizationCreditCode), "该单位尚未审核通过或已停用，不能添加用户");
            organization = null;
        }

        return organization;
    }

    private async Task PrepareFormAsync(CancellationToken ct)
    {
        var own = actor.OrganizationId;
        var organization = await db.Organizations.Where(o => o.Id == own).Select(o => new { o.Kind, o.RegionCode }).SingleAsync(ct);
        // The system administrator picks the organization on the form; the server checks the roles against it on submit.
        ViewData["Roles"] = permissions.ChoosesOrganization
            ? PortalRoles.All
            : permissions.GrantableFor(new GrantTarget(own, organization.Kind, organization.RegionCode));
        ViewData["ChooseOrganization"] = permissions.ChoosesOrganization;
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

    public sealed class UserExportRow
    {
        [ExcelColumnName("用户名")] public string UserName { get; init; } = string.Empty;
        [ExcelColumnName("姓名")] public string DisplayName { get; init; } = string.Empty;
        [ExcelColumnName("所属单位")] public string Organization { get; init; } = string.Empty;
        [ExcelColumnName("角色")] public string Roles { get; init; } = string.Empty;
        [ExcelColumnName("状态")] public string Status { get; init; } = string.Empty;
        [ExcelColumnName("管理方")] public string ManagedBy { get; init; } = string.Empty;
    }
}
