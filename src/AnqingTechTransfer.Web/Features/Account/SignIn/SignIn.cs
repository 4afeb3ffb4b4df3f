using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using AnqingTechTransfer.Domain.Audit;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AnqingTechTransfer.Web.Features.Account.SignIn;

public class LoginForm
{
    [Display(Name = "用户名")]
    [Required(ErrorMessage = "请输入用户名")]
    [StringLength(256, ErrorMessage = "用户名过长")]
    public string UserName { get; set; } = string.Empty;

    [Display(Name = "密码")]
    [Required(ErrorMessage = "请输入密码")]
    [StringLength(128, ErrorMessage = "密码过长")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = string.Empty;

    public string? ReturnUrl { get; set; }
}

/// <summary>Where a sign-in step ends: signed in, on to the one-time code, refused (with the form's message), or no sign-in pending.</summary>
public enum SignInStep
{
    SignedIn,
    TwoFactor,
    Refused,
    NothingPending,
}

public sealed record SignInAnswer(SignInStep Step, IReadOnlyList<FieldError> Errors)
{
    public static SignInAnswer Refused(string field, string message) => new(SignInStep.Refused, [new FieldError(field, message)]);
}

/// <summary>
/// Signs in with the password, then the one-time code, and signs out. A locked, disabled, dormant or suspended account gets
/// one refusal and its password is not checked; failures lock the account; every attempt is an audit row; sign-out rotates
/// the security stamp so a copied cookie dies with it.
/// </summary>
public sealed class SignInHandler(
    SignInManager<PortalUser> signIn,
    UserManager<PortalUser> users,
    PortalDbContext db,
    IOptions<SecurityOptions> security,
    SecurityPolicyProvider policies,
    TimeProvider clock) : IUseCase
{
    private const string SignInAction = "登录";

    public async Task<SignInAnswer> PasswordAsync(LoginForm form, CancellationToken ct)
    {
        var user = await users.FindByNameAsync(form.UserName);
        // A locked, disabled, dormant or suspended account gets one refusal, and its password is not checked: whether the
        // password was right must not show through the lockout (a guesser would learn it there).
        if (user is not null && await BlockedReasonAsync(user, ct) is { } blocked)
        {
            await AuditSignInAsync(SignInAction, AuditOutcome.Failure, user, form.UserName, blocked, ct);
            return SignInAnswer.Refused(string.Empty, await BlockedMessageAsync(ct));
        }

        var result = await signIn.PasswordSignInAsync(form.UserName, form.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await AuditSignInAsync(SignInAction, AuditOutcome.Success, user, form.UserName, null, ct);
            return new SignInAnswer(SignInStep.SignedIn, []);
        }

        if (result.RequiresTwoFactor)
        {
            return new SignInAnswer(SignInStep.TwoFactor, []);
        }

        if (result.IsLockedOut)
        {
            var policy = await policies.CurrentAsync(ct);
            await AuditSignInAsync("账户锁定", AuditOutcome.Failure, user, form.UserName, $"连续{policy.MaxFailedSignIns}次登录失败", ct);
            return SignInAnswer.Refused(string.Empty, await BlockedMessageAsync(ct));
        }

        await AuditSignInAsync(SignInAction, AuditOutcome.Failure, user, form.UserName, "用户名或密码错误", ct);
        // The same words whether the user exists or not: no account enumeration (ASVS V2.2.1).
        return SignInAnswer.Refused(string.Empty, "用户名或密码错误。");
    }

    /// <summary>Whether a password was accepted and the one-time code is awaited.</summary>
    public async Task<bool> AwaitsCodeAsync() => await signIn.GetTwoFactorAuthenticationUserAsync() is not null;

    /// <summary><paramref name="formValid"/> is the binder's verdict (checked after the pending sign-in, as always).</summary>
    public async Task<SignInAnswer> CodeAsync(TwoFactorForm form, bool formValid, CancellationToken ct)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return new SignInAnswer(SignInStep.NothingPending, []);
        }

        if (!formValid)
        {
            return new SignInAnswer(SignInStep.Refused, []);
        }

        var result = await signIn.TwoFactorAuthenticatorSignInAsync(form.Code.Replace(" ", string.Empty), isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            await AuditSignInAsync(SignInAction, AuditOutcome.Success, user, user.UserName, "双因素认证", ct);
            return new SignInAnswer(SignInStep.SignedIn, []);
        }

        if (result.IsLockedOut)
        {
            await AuditSignInAsync("账户锁定", AuditOutcome.Failure, user, user.UserName, "动态验证码多次错误", ct);
            return SignInAnswer.Refused(string.Empty, "验证失败次数过多，账户已锁定，请稍后再试。");
        }

        await AuditSignInAsync(SignInAction, AuditOutcome.Failure, user, user.UserName, "动态验证码错误或已使用", ct);
        return SignInAnswer.Refused(nameof(form.Code), "动态验证码不正确或已使用过，请等待下一个验证码。");
    }

    public async Task SignOutAsync(ClaimsPrincipal principal, CancellationToken ct)
    {
        var user = await users.GetUserAsync(principal);
        if (user is not null)
        {
            // A copy of the old cookie must stop working: the stamp it carries no longer matches.
            await users.UpdateSecurityStampAsync(user);
            await AuditSignInAsync("退出", AuditOutcome.Success, user, user.UserName, null, ct);
        }

        await signIn.SignOutAsync();
    }

    /// <summary>The one answer for every blocked account, right password or not.</summary>
    private async Task<string> BlockedMessageAsync(CancellationToken ct)
    {
        var policy = await policies.CurrentAsync(ct);
        return $"该账户已锁定或已停用，暂时不能登录。连续登录失败锁定的账户{policy.LockoutMinutes}分钟后自动解除；已停用的账户请联系本单位管理员。";
    }

    /// <summary>Why the account may not sign in now (for the audit log only; the user sees <see cref="BlockedMessageAsync"/>).</summary>
    private async Task<string?> BlockedReasonAsync(PortalUser user, CancellationToken ct)
    {
        if (user.IsDisabled)
        {
            return "账户已停用";
        }

        if (await users.IsLockedOutAsync(user))
        {
            return "账户锁定期间尝试登录";
        }

        if (user.IsDormant(clock.GetUtcNow(), security.Value.InactiveDisableDays))
        {
            user.IsDisabled = true;
            db.Audit("长期未使用停用", AuditOutcome.Success, nameof(PortalUser), user.Id.ToString(), $"超过{security.Value.InactiveDisableDays}天未登录",
                user.Id, user.UserName, user.OrganizationId);
            await users.UpdateAsync(user);
            return $"超过{security.Value.InactiveDisableDays}天未使用，已停用";
        }

        // Tenancy bypass: before sign-in there is no actor; this reads only the user's own organization's status.
        var status = await db.Organizations.IgnoreQueryFilters([PortalDbContext.TenantFilter]).AsNoTracking()
            .Where(o => o.Id == user.OrganizationId).Select(o => o.Status).SingleAsync(ct);
        return status == OrganizationStatus.Suspended ? "所在单位已停用" : null;
    }

    private async Task AuditSignInAsync(string action, string outcome, PortalUser? user, string? attemptedName, string? details, CancellationToken ct)
    {
        // Control characters out: a user name must not forge audit or log lines.
        var name = new string((attemptedName ?? string.Empty).Where(c => !char.IsControl(c)).Take(256).ToArray());
        if (user is not null && action == SignInAction && outcome == AuditOutcome.Success)
        {
            user.LastSignInAt = clock.GetUtcNow();
        }

        db.Audit(action, outcome, nameof(PortalUser), user?.Id.ToString(), details, user?.Id, name, user?.OrganizationId);
        await db.SaveChangesAsync(ct);
    }
}
