using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using AnqingTechTransfer.Domain.Audit;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;

namespace AnqingTechTransfer.Web.Features.Account.TwoFactor;

/// <summary>The current password, asked again before the authenticator key is shown or two-factor is switched off.</summary>
public class ReauthenticateForm
{
    [Display(Name = "当前密码")]
    [Required(ErrorMessage = "请输入当前密码")]
    [StringLength(200)]
    public string Password { get; set; } = string.Empty;
}

public sealed record TwoFactorPasswordPage(bool Enabled, bool Required, ReauthenticateForm Form);

public sealed record TwoFactorEnrolPage(string Key, string Uri, bool Required, TwoFactorForm Form);

/// <summary>Where a two-factor step ends: no user in the session, the password page or the enrolment page (with their errors),
/// a proof of the password that expired (start again), or done (with the message to flash, if any).</summary>
public enum TwoFactorStep
{
    NoUser,
    PasswordPage,
    EnrolPage,
    Expired,
    Done,
}

public sealed record TwoFactorAnswer(TwoFactorStep Step, TwoFactorPasswordPage? PasswordPage = null, TwoFactorEnrolPage? EnrolPage = null,
    IReadOnlyList<FieldError>? Errors = null, string? Message = null);

/// <summary>
/// Two-factor enrolment and switching it off. The current password is asked before the authenticator key is shown (a GET
/// never shows it, a wrong password is an audit row), a new key each time, bound only with a fresh proof of that password
/// (<see cref="Reauthentication"/>) and a one-time code; enabling and disabling are audit rows and keep this session valid.
/// </summary>
public sealed class TwoFactorEnrolmentHandler(UserManager<PortalUser> users, SignInManager<PortalUser> signIn, PortalDbContext db,
    Reauthentication reauthentication) : IUseCase
{
    private static readonly TwoFactorAnswer NoUser = new(TwoFactorStep.NoUser);

    public async Task<TwoFactorAnswer> PasswordPageAsync(ClaimsPrincipal principal, bool required) =>
        await users.GetUserAsync(principal) is { } user ? PasswordPage(user, required, new ReauthenticateForm(), []) : NoUser;

    /// <summary>The password again, then a new key to bind (none once an authenticator is bound: switch it off and bind anew).</summary>
    public async Task<TwoFactorAnswer> ShowKeyAsync(ClaimsPrincipal principal, ReauthenticateForm form, bool formValid, bool required, CancellationToken ct)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null)
        {
            return NoUser;
        }

        if (formValid && !await users.CheckPasswordAsync(user, form.Password))
        {
            db.Audit("查看双因素密钥", AuditOutcome.Failure, nameof(PortalUser), user.Id.ToString(), "密码错误");
            await db.SaveChangesAsync(ct);
            return PasswordPage(user, required, form, [WrongPassword(form)]);
        }

        if (!formValid)
        {
            return PasswordPage(user, required, form, []);
        }

        if (user.TwoFactorEnabled)
        {
            return new TwoFactorAnswer(TwoFactorStep.Done);
        }

        // A new key each time it is shown: a key seen before the password was asked (or by someone else) is worthless.
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user); // the reset rotated the stamp; keep this session valid
        return EnrolPage(user, await users.GetAuthenticatorKeyAsync(user) ?? string.Empty, required, new TwoFactorForm { Proof = reauthentication.Issue(user) }, []);
    }

    /// <summary>Binds the authenticator with a one-time code, under a fresh proof of the password.</summary>
    public async Task<TwoFactorAnswer> EnrolAsync(ClaimsPrincipal principal, TwoFactorForm form, bool formValid, bool required, CancellationToken ct)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null)
        {
            return NoUser;
        }

        if (!reauthentication.Holds(user, form.Proof))
        {
            // No fresh proof of the password (or it expired): start again from the password.
            return new TwoFactorAnswer(TwoFactorStep.Expired, Message: "操作已超时，请重新输入当前密码。");
        }

        List<FieldError> errors = [];
        if (formValid && !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, form.Code.Replace(" ", string.Empty)))
        {
            errors.Add(new FieldError(nameof(form.Code), "动态验证码不正确或已使用过，请核对手机时间后输入最新的验证码。"));
        }

        if (!formValid || errors.Count > 0)
        {
            return EnrolPage(user, await users.GetAuthenticatorKeyAsync(user) ?? string.Empty, required, form, errors);
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        db.Audit("启用双因素认证", AuditOutcome.Success, nameof(PortalUser), user.Id.ToString());
        await db.SaveChangesAsync(ct);
        // The code just proved the second factor: this session counts as two-factor from now on.
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(SessionValidation.MfaClaimType, SessionValidation.MfaClaimValue)]);
        return new TwoFactorAnswer(TwoFactorStep.Done, Message: "双因素认证已启用，今后登录需输入动态验证码。");
    }

    /// <summary>Switches two-factor off after the password (the caller refuses administrators first: 等保).</summary>
    public async Task<TwoFactorAnswer> DisableAsync(ClaimsPrincipal principal, ReauthenticateForm form, bool formValid, bool required, CancellationToken ct)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null)
        {
            return NoUser;
        }

        if (formValid && !await users.CheckPasswordAsync(user, form.Password))
        {
            return PasswordPage(user, required, form, [WrongPassword(form)]);
        }

        if (!formValid)
        {
            return PasswordPage(user, required, form, []);
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        db.Audit("关闭双因素认证", AuditOutcome.Success, nameof(PortalUser), user.Id.ToString());
        await db.SaveChangesAsync(ct);
        await signIn.RefreshSignInAsync(user);
        return new TwoFactorAnswer(TwoFactorStep.Done, Message: "双因素认证已关闭。");
    }

    private static FieldError WrongPassword(ReauthenticateForm form) => new(nameof(form.Password), "当前密码不正确");

    private static TwoFactorAnswer PasswordPage(PortalUser user, bool required, ReauthenticateForm form, IReadOnlyList<FieldError> errors) =>
        new(TwoFactorStep.PasswordPage, PasswordPage: new TwoFactorPasswordPage(user.TwoFactorEnabled, required, form), Errors: errors);

    private static TwoFactorAnswer EnrolPage(PortalUser user, string key, bool required, TwoFactorForm form, IReadOnlyList<FieldError> errors) =>
        new(TwoFactorStep.EnrolPage, EnrolPage: new TwoFactorEnrolPage(
            string.Join(' ', key.Chunk(4).Select(c => new string(c))),
            $"otpauth://totp/{Uri.EscapeDataString("安庆科技成果转化:" + user.UserName)}?secret={key}&issuer={Uri.EscapeDataString("安庆科技成果转化")}&digits=6",
            required,
            form), Errors: errors);
}
