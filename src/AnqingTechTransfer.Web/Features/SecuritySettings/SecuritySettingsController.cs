using System.ComponentModel.DataAnnotations;
using AnqingTechTransfer.Domain.Audit;
using AnqingTechTransfer.Domain.Identity;
using AnqingTechTransfer.Web.Authorization;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Infrastructure;
using AnqingTechTransfer.Web.Infrastructure.Security;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.SecuritySettings;

public class SecuritySettingsForm
{
    [Display(Name = "连续登录失败锁定次数")]
    [Range(SecurityPolicy.MinFailedSignIns, SecurityPolicy.MaxFailedSignInsLimit, ErrorMessage = "锁定次数应为3至10次")]
    public int MaxFailedSignIns { get; set; }

    [Display(Name = "锁定时长（分钟）")]
    [Range(5, 1440, ErrorMessage = "锁定时长应为5至1440分钟")]
    public int LockoutMinutes { get; set; }

    [Display(Name = "密码最小长度")]
    [Range(PasswordRules.MinimumLength, SecurityPolicy.MaxPasswordLength, ErrorMessage = "密码最小长度应为8至32位")]
    public int PasswordMinLength { get; set; }

    [Display(Name = "管理后台访问地址白名单")]
    [StringLength(2000, ErrorMessage = "白名单不能超过2000个字符")]
    public string? AdminAllowedNetworks { get; set; }

    public uint Version { get; set; }
}

/// <summary>
/// 安全策略: the security administrator (三权分立) keeps the lockout, the password length and the addresses /admin answers
/// from. Every change is audited; a list that would shut out the administrator's own address is refused.
/// </summary>
[Authorize(Policy = Policies.SecurityAdmin)]
[Route("admin/security")]
public class SecuritySettingsController(PortalDbContext db, SecurityPolicyProvider policies, ICurrentActor actor, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var row = await db.SecuritySettings.AsNoTracking().SingleOrDefaultAsync(ct);
        var policy = await policies.CurrentAsync(ct);
        ViewData["Row"] = row;
        ViewData["Address"] = HttpContext.Connection.RemoteIpAddress?.ToString();
        return View(new SecuritySettingsForm
        {
            MaxFailedSignIns = policy.MaxFailedSignIns,
            LockoutMinutes = policy.LockoutMinutes,
            PasswordMinLength = policy.PasswordMinLength,
            AdminAllowedNetworks = row?.AdminAllowedNetworks,
            Version = row?.Version ?? 0,
        });
    }

    [HttpPost("")]
    public async Task<IActionResult> Save(SecuritySettingsForm form, CancellationToken ct)
    {
        var networks = SecurityPolicy.ParseNetworks(form.AdminAllowedNetworks, out var bad);
        if (networks is null)
        {
            ModelState.AddModelError(nameof(form.AdminAllowedNetworks), $"“{bad}”不是有效的IP地址或网段（如 10.1.0.0/16）");
        }
        else if (!SecurityPolicy.Admits(networks, HttpContext.Connection.RemoteIpAddress))
        {
            ModelState.AddModelError(nameof(form.AdminAllowedNetworks),
                $"白名单不包含您当前的地址（{HttpContext.Connection.RemoteIpAddress?.ToString() ?? "未知"}），保存后您将无法再访问管理后台，请先加入当前地址");
        }

        var row = await db.SecuritySettings.SingleOrDefaultAsync(ct);
        if (!ModelState.IsValid)
        {
            ViewData["Row"] = row;
            ViewData["Address"] = HttpContext.Connection.RemoteIpAddress?.ToString();
            return View("Index", form);
        }

        if (row is null)
        {
            row = new Data.SecuritySettings();
            db.SecuritySettings.Add(row);
        }
        else
        {
            db.Entry(row).Property(r => r.Version).OriginalValue = form.Version; // a change saved meanwhile is not overwritten
        }

        var before = $"锁定{row.MaxFailedSignIns}次/{row.LockoutMinutes}分钟，密码{row.PasswordMinLength}位，白名单{Lines(row.AdminAllowedNetworks)}条";
        row.MaxFailedSignIns = form.MaxFailedSignIns;
        row.LockoutMinutes = form.LockoutMinutes;
        row.PasswordMinLength = form.PasswordMinLength;
        row.AdminAllowedNetworks = string.Join('\n', networks!.Select(n => n.ToString()));
        row.UpdatedAt = clock.GetUtcNow();
        row.UpdatedBy = actor.UserName;
        db.Audit("修改安全策略", AuditOutcome.Success, nameof(Data.SecuritySettings), row.Id.ToString(),
            $"{before} → 锁定{row.MaxFailedSignIns}次/{row.LockoutMinutes}分钟，密码{row.PasswordMinLength}位，白名单{networks!.Count}条");
        await db.SaveChangesAsync(ct);
        policies.Invalidate();
        TempData[DomainExceptionFilter.FlashSuccess] = "安全策略已保存，本实例立即生效，其他实例30秒内生效。";
        return Redirect("/admin/security");
    }

    private static int Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
}
