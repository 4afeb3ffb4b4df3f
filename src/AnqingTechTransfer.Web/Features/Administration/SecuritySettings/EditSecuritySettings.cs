using System.ComponentModel.DataAnnotations;
using System.Net;
using AnqingTechTransfer.Domain.Audit;
using AnqingTechTransfer.Domain.Identity;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Infrastructure.Security;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Administration.SecuritySettings;

/// <summary>Who saved the settings last and when; null while the configured defaults are in force.</summary>
public sealed record SecuritySettingsSaved(string? UpdatedBy, DateTimeOffset UpdatedAt);

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

    /// <summary>For the page, never posted: the last save, and the address the administrator is on.</summary>
    [BindNever]
    public SecuritySettingsSaved? Saved { get; set; }

    [BindNever]
    public string? CurrentAddress { get; set; }
}

/// <summary>
/// 安全策略: the security administrator (三权分立) keeps the lockout, the password length and the addresses /admin answers
/// from. Every change is audited; a list that would shut out the administrator's own address is refused.
/// </summary>
public sealed class EditSecuritySettingsHandler(PortalDbContext db, SecurityPolicyProvider policies, ICurrentActor actor, TimeProvider clock) : IUseCase
{
    public async Task<SecuritySettingsForm> FormAsync(IPAddress? address, CancellationToken ct)
    {
        var row = await db.SecuritySettings.AsNoTracking().SingleOrDefaultAsync(ct);
        var policy = await policies.CurrentAsync(ct);
        return new SecuritySettingsForm
        {
            MaxFailedSignIns = policy.MaxFailedSignIns,
            LockoutMinutes = policy.LockoutMinutes,
            PasswordMinLength = policy.PasswordMinLength,
            AdminAllowedNetworks = row?.AdminAllowedNetworks,
            Version = row?.Version ?? 0,
            Saved = Saved(row),
            CurrentAddress = address?.ToString(),
        };
    }

    /// <summary><paramref name="formValid"/> is the binder's verdict; <paramref name="address"/> the administrator's own, which the list must admit.</summary>
    public async Task<Outcome<bool>> HandleAsync(SecuritySettingsForm form, IPAddress? address, bool formValid, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var networks = SecurityPolicy.ParseNetworks(form.AdminAllowedNetworks, out var bad);
        if (networks is null)
        {
            errors.Add(new FieldError(nameof(form.AdminAllowedNetworks), $"“{bad}”不是有效的IP地址或网段（如 10.1.0.0/16）"));
        }
        else if (!SecurityPolicy.Admits(networks, address))
        {
            errors.Add(new FieldError(nameof(form.AdminAllowedNetworks),
                $"白名单不包含您当前的地址（{address?.ToString() ?? "未知"}），保存后您将无法再访问管理后台，请先加入当前地址"));
        }

        var row = await db.SecuritySettings.SingleOrDefaultAsync(ct);
        if (!formValid || errors.Count > 0)
        {
            form.Saved = Saved(row);
            form.CurrentAddress = address?.ToString();
            return Outcome<bool>.Failed(errors);
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
        return Outcome<bool>.Ok(true);
    }

    private static SecuritySettingsSaved? Saved(Data.SecuritySettings? row) => row is null ? null : new(row.UpdatedBy, row.UpdatedAt);

    private static int Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
}
