using System.Security.Cryptography;
using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Audit;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Web.Authorization;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Infrastructure;
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
        var assignable = organization is null ? [] : AssignableRoles(organization.Kind);
        if (form.Roles.Count == 0)
        {
            ModelState.AddModelError(nameof(form.Roles), "请至少选择一个角色");
        }
        else if (form.Roles.Any(r => !assignable.Contains(r)))
        {
            ModelState.AddModelError(nameof(form.Roles), "所选角色不适用于该单位");
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
            created = await users.AddToRolesAsync(user, form.Roles);
        }

        if (!created.Succeeded)
        {
            ModelState.AddModelError(string.Empty, string.Join("；", created.Errors.Select(e => e.Description)));
            await PrepareFormAsync(ct);
            return View(form);
        }

        await transaction.CommitAsync(ct);
        TempData[DomainExceptionFilter.FlashSuccess] = $"已创建用户 {user.UserName}，初始密码：{password}（仅显示一次，用户首次登录须修改）。";
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id:guid}/disable")]
    public Task<IActionResult> Disable(Guid id, CancellationToken ct) => ManageAsync(id, async user =>
    {
        user.IsDisabled = true;
        await users.UpdateAsync(user);
        await users.UpdateSecurityStampAsync(user); // open sessions end at the next stamp check
        return $"已停用用户 {user.UserName}。";
    }, ct);

    [HttpPost("{id:guid}/enable")]
    public Task<IActionResult> Enable(Guid id, CancellationToken ct) => ManageAsync(id, async user =>
    {
        user.IsDisabled = false;
        // Re-enabling restarts the count of unused days, or a dormant account would be disabled again at its next sign-in.
        user.LastSignInAt = clock.GetUtcNow();
        await users.UpdateAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        return $"已启用用户 {user.UserName}。";
    }, ct);

    [HttpPost("{id:guid}/reset-password")]
    public Task<IActionResult> ResetPassword(Guid id, CancellationToken ct) => ManageAsync(id, async user =>
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
        db.Audit("重置密码", AuditOutcome.Success, nameof(PortalUser), user.Id.ToString(), user.UserName);
        await db.SaveChangesAsync(ct);
        return $"已重置 {user.UserName} 的密码，临时密码：{password}（仅显示一次，用户登录后须立即修改）。";
    }, ct);

    private async Task<IActionResult> ManageAsync(Guid id, Func<PortalUser, Task<string>> change, CancellationToken ct)
    {
        var user = await db.Users.VisibleTo(actor).SingleOrDefaultAsync(u => u.Id == id, ct);
        if (user is null)
        {
            return NotFound(); // another organization's user answers like one that does not exist
        }

        if (!(await authorization.AuthorizeAsync(User, user, Operations.Manage)).Succeeded)
        {
            return Forbid();
        }

        TempData[DomainExceptionFilter.FlashSuccess] = await change(user);
        return RedirectToAction(nameof(Index));
    }

    private IQueryable<UserRow> Query(string? q)
    {
        var query = db.Users.AsNoTracking().VisibleTo(actor);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            query = query.Where(u => EF.Functions.ILike(u.UserName!, "%" + term + "%") || EF.Functions.ILike(u.DisplayName, "%" + term + "%"));
        }

        return query.OrderBy(u => u.UserName)
            .Join(db.Organizations, u => u.OrganizationId, o => o.Id, (u, o) => new UserRow(u.Id, u.UserName!, u.DisplayName, o.Name,
                u.IsOrganizationAdmin, u.IsDisabled, u.LockoutEnd, u.PasswordChangedAt, u.TwoFactorEnabled));
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
        }
    }

    private async Task<Organization?> TargetOrganizationAsync(NewUserForm form, CancellationToken ct)
    {
        if (!actor.IsInRole(PortalRoles.BureauAdmin))
        {
            var own = actor.OrganizationId;
            return await db.Organizations.SingleOrDefaultAsync(o => o.Id == own, ct);
        }

        if (string.IsNullOrWhiteSpace(form.OrganizationCreditCode))
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

    private IReadOnlyList<string> AssignableRoles(OrganizationKind kind) =>
        kind.AssignableRoles().Where(r => actor.IsInRole(PortalRoles.BureauAdmin) || !PortalRoles.Administrators.Contains(r)).ToList();

    private async Task PrepareFormAsync(CancellationToken ct)
    {
        var own = actor.OrganizationId;
        var kind = await db.Organizations.Where(o => o.Id == own).Select(o => o.Kind).SingleAsync(ct);
        ViewData["Roles"] = actor.IsInRole(PortalRoles.BureauAdmin) ? PortalRoles.All : AssignableRoles(kind);
        ViewData["ChooseOrganization"] = actor.IsInRole(PortalRoles.BureauAdmin);
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
    }
}
