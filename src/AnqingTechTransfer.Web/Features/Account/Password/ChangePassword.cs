using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.AspNetCore.Identity;

namespace AnqingTechTransfer.Web.Features.Account.Password;

public class ChangePasswordForm
{
    [Display(Name = "原密码")]
    [Required(ErrorMessage = "请输入原密码")]
    [StringLength(128)]
    [DataType(DataType.Password)]
    public string CurrentPassword { get; set; } = string.Empty;

    [Display(Name = "新密码")]
    [Required(ErrorMessage = "请输入新密码")]
    [StringLength(128, ErrorMessage = "密码不能超过128个字符")]
    [DataType(DataType.Password)]
    public string NewPassword { get; set; } = string.Empty;

    [Display(Name = "确认新密码")]
    [Required(ErrorMessage = "请填写确认新密码")]
    [Compare(nameof(NewPassword), ErrorMessage = "两次输入的新密码不一致")]
    [DataType(DataType.Password)]
    public string ConfirmPassword { get; set; } = string.Empty;
}

/// <summary>
/// The signed-in user changes their password: not to the same one, under the password policy. Changing it rotates the
/// security stamp, so every other session ends at its next check; this one is kept.
/// </summary>
public sealed class ChangePasswordHandler(UserManager<PortalUser> users, SignInManager<PortalUser> signIn, TimeProvider clock) : IUseCase
{
    /// <summary>The errors to show with the form (none: changed); null when the session has no user any more.</summary>
    public async Task<IReadOnlyList<FieldError>?> HandleAsync(ClaimsPrincipal principal, ChangePasswordForm form, bool formValid)
    {
        if (!string.IsNullOrEmpty(form.NewPassword) && form.NewPassword == form.CurrentPassword)
        {
            return [new FieldError(nameof(form.NewPassword), "新密码不能与原密码相同")];
        }

        if (!formValid)
        {
            return [];
        }

        var user = await users.GetUserAsync(principal);
        if (user is null)
        {
            return null;
        }

        var result = await users.ChangePasswordAsync(user, form.CurrentPassword, form.NewPassword);
        if (!result.Succeeded)
        {
            return result.Errors.GroupBy(e => e.Code == "PasswordMismatch" ? nameof(form.CurrentPassword) : nameof(form.NewPassword))
                .Select(field => new FieldError(field.Key, string.Join("；", field.Select(e => e.Description).Distinct()))).ToList();
        }

        // ChangePasswordAsync rotated the security stamp: every other session ends at its next check.
        user.PasswordChangedAt = clock.GetUtcNow();
        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        await signIn.RefreshSignInAsync(user);
        return [];
    }
}
