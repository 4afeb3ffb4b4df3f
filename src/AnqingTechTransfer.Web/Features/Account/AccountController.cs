using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Audit;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Infrastructure;
using AnqingTechTransfer.Web.Infrastructure.Security;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AnqingTechTransfer.Web.Features.Account;

[Route("account")]
public class AccountController(
    SignInManager<PortalUser> signIn,
    UserManager<PortalUser> users,
    PortalDbContext db,
    RegistrationHandler registration,
    ICurrentActor actor,
    IOptions<SecurityOptions> security,
    SecurityPolicyProvider policies,
    AccountPermissions permissions,
    Reauthentication reauthentication,
    TimeProvider clock) : Controller
{
    private const string SignInAction = "登录";

    [AllowAnonymous, HttpGet("login")]
    public IActionResult Login(string? returnUrl) => View(new LoginForm { ReturnUrl = returnUrl });

    [AllowAnonymous, HttpPost("login")]
    public async Task<IActionResult> Login(LoginForm form, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var user = await users.FindByNameAsync(form.UserName);
        // A locked, disabled, dormant or suspended account gets one refusal, and its password is not checked: whether the
        // password was right must not show through the lockout (a guesser would learn it there).
        if (user is not null && await BlockedReasonAsync(user, ct) is { } blocked)
        {
            await AuditSignInAsync(SignInAction, AuditOutcome.Failure, user, form.UserName, blocked, ct);
            ModelState.AddModelError(string.Empty, await BlockedMessageAsync(ct));
            return View(form);
        }

        var result = await signIn.PasswordSignInAsync(form.UserName, form.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await AuditSignInAsync(SignInAction, AuditOutcome.Success, user, form.UserName, null, ct);
            return LocalRedirect(SafeReturnUrl(form.ReturnUrl));
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToAction(nameof(LoginTwoFactor), new { returnUrl = form.ReturnUrl });
        }

        if (result.IsLockedOut)
        {
            var policy = await policies.CurrentAsync(ct);
            await AuditSignInAsync("账户锁定", AuditOutcome.Failure, user, form.UserName, $"连续{policy.MaxFailedSignIns}次登录失败", ct);
            ModelState.AddModelError(string.Empty, await BlockedMessageAsync(ct));
            return View(form);
        }

        await AuditSignInAsync(SignInAction, AuditOutcome.Failure, user, form.UserName, "用户名或密码错误", ct);
        // The same words whether the user exists or not: no account enumeration (ASVS V2.2.1).
        ModelState.AddModelError(string.Empty, "用户名或密码错误。");
        return View(form);
    }

    [AllowAnonymous, HttpGet("login-2fa")]
    public async Task<IActionResult> LoginTwoFactor(string? returnUrl)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToAction(nameof(Login));
        }

        return View(new TwoFactorForm { ReturnUrl = returnUrl });
    }

    [AllowAnonymous, HttpPost("login-2fa")]
    public async Task<IActionResult> LoginTwoFactor(TwoFactorForm form, CancellationToken ct)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToAction(nameof(Login));
        }

        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var result = await signIn.TwoFactorAuthenticatorSignInAsync(form.Code.Replace(" ", string.Empty), isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            await AuditSignInAsync(SignInAction, AuditOutcome.Success, user, user.UserName, "双因素认证", ct);
            return LocalRedirect(SafeReturnUrl(form.ReturnUrl));
        }

        if (result.IsLockedOut)
        {
            await AuditSignInAsync("账户锁定", AuditOutcome.Failure, user, user.UserName, "动态验证码多次错误", ct);
            ModelState.AddModelError(string.Empty, "验证失败次数过多，账户已锁定，请稍后再试。");
            return View(form);
        }

        await AuditSignInAsync(SignInAction, AuditOutcome.Failure, user, user.UserName, "动态验证码错误或已使用", ct);
        ModelState.AddModelError(nameof(form.Code), "动态验证码不正确或已使用过，请等待下一个验证码。");
        return View(form);
    }

    [Authorize, HttpPost("logout")]
    public async Task<IActionResult> Logout(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is not null)
        {
            // A copy of the old cookie must stop working: the stamp it carries no longer matches.
            await users.UpdateSecurityStampAsync(user);
            await AuditSignInAsync("退出", AuditOutcome.Success, user, user.UserName, null, ct);
        }

        await signIn.SignOutAsync();
        return Redirect("/");
    }

    [AllowAnonymous, HttpGet("register")]
    public IActionResult Register() => View(new RegisterForm());

    [AllowAnonymous, HttpPost("register")]
    [RequestSizeLimit(30 * 1024 * 1024)]
    public async Task<IActionResult> Register(RegisterForm form, CancellationToken ct)
    {
        var (ok, licence) = await registration.ValidateAsync(form, ModelState, null, ct);
        if (!ok)
        {
            return View(form);
        }

        var user = await registration.RegisterAsync(form, licence, ModelState, ct);
        if (user is null)
        {
            return View(form);
        }

        await signIn.SignInAsync(user, isPersistent: false);
        TempData[DomainExceptionFilter.FlashSuccess] = "注册申请已提交，请等待所在县（市、区）、园区或市科技局审核。审核结果将通过站内消息通知您。";
        return Redirect("/workspace");
    }

    /// <summary>The organization admin of a pending or rejected registration corrects it (and so resubmits it).</summary>
    [Authorize, HttpGet("registration")]
    public async Task<IActionResult> Registration(CancellationToken ct)
    {
        var organization = await OwnCorrectableOrganizationAsync(ct);
        if (organization is null)
        {
            return NotFound();
        }

        return View(new OrganizationDetailsForm
        {
            Kind = organization.Kind,
            OrganizationName = organization.Name,
            CreditCode = organization.CreditCode,
            ConfirmChecksum = organization.HasChecksumWarning,
            RegionCode = organization.RegionCode,
            Address = organization.Address,
            ContactName = organization.ContactName ?? string.Empty,
            ContactPhone = organization.ContactPhone ?? string.Empty,
        });
    }

    [Authorize, HttpPost("registration")]
    [RequestSizeLimit(30 * 1024 * 1024)]
    public async Task<IActionResult> Registration(OrganizationDetailsForm form, CancellationToken ct)
    {
        var organization = await OwnCorrectableOrganizationAsync(ct);
        if (organization is null)
        {
            return NotFound();
        }

        // The kind decides the role and is not changed by a correction; the page shows it disabled, so browsers do not post it.
        ModelState.Remove(nameof(form.Kind));
        form.Kind = organization.Kind;
        var (ok, licence) = await registration.ValidateAsync(form, ModelState, organization.Id, ct);
        if (!ok)
        {
            return View(form);
        }

        await registration.CorrectAsync(organization, form, licence, ct);
        TempData[DomainExceptionFilter.FlashSuccess] = "注册信息已更新并重新提交审核。";
        return Redirect("/workspace");
    }

    [Authorize, HttpGet("password")]
    public IActionResult ChangePassword() => View(new ChangePasswordForm());

    [Authorize, HttpPost("password")]
    public async Task<IActionResult> ChangePassword(ChangePasswordForm form, CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(form.NewPassword) && form.NewPassword == form.CurrentPassword)
        {
            ModelState.AddModelError(nameof(form.NewPassword), "新密码不能与原密码相同");
        }

        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var result = await users.ChangePasswordAsync(user, form.CurrentPassword, form.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var field in result.Errors.GroupBy(e => e.Code == "PasswordMismatch" ? nameof(form.CurrentPassword) : nameof(form.NewPassword)))
            {
                ModelState.AddModelError(field.Key, string.Join("；", field.Select(e => e.Description).Distinct()));
            }

            return View(form);
        }

        // ChangePasswordAsync rotated the security stamp: every other session ends at its next check.
        user.PasswordChangedAt = clock.GetUtcNow();
        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        await signIn.RefreshSignInAsync(user);
        TempData[DomainExceptionFilter.FlashSuccess] = "密码已修改。";
        return Redirect("/account/security");
    }

    [Authorize, HttpGet("security")]
    public async Task<IActionResult> Security()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        ViewData["TwoFactorEnabled"] = user.TwoFactorEnabled;
        ViewData["PasswordChangedAt"] = user.PasswordChangedAt;
        ViewData["TwoFactorRequired"] = permissions.MustUseTwoFactor;
        return View();
    }

    /// <summary>The two-factor page asks for the current password before it shows the authenticator key (a GET never shows it).</summary>
    [Authorize, HttpGet("two-factor")]
    public async Task<IActionResult> TwoFactor()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        return View("TwoFactorPassword", new TwoFactorPasswordPage(user.TwoFactorEnabled, permissions.MustUseTwoFactor, new ReauthenticateForm()));
    }

    [Authorize, HttpPost("two-factor/key")]
    public async Task<IActionResult> TwoFactorKey(ReauthenticateForm form, CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (ModelState.IsValid && !await users.CheckPasswordAsync(user, form.Password))
        {
            ModelState.AddModelError(nameof(form.Password), "当前密码不正确");
            db.Audit("查看双因素密钥", AuditOutcome.Failure, nameof(PortalUser), user.Id.ToString(), "密码错误");
            await db.SaveChangesAsync(ct);
        }

        if (!ModelState.IsValid)
        {
            return View("TwoFactorPassword", new TwoFactorPasswordPage(user.TwoFactorEnabled, permissions.MustUseTwoFactor, form));
        }

        if (user.TwoFactorEnabled)
        {
            return Redirect("/account/security"); // a bound authenticator's key is not shown again: switch it off and bind anew
        }

        // A new key each time it is shown: a key seen before the password was asked (or by someone else) is worthless.
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user); // the reset rotated the stamp; keep this session valid
        return EnrolView(user, await users.GetAuthenticatorKeyAsync(user) ?? string.Empty, new TwoFactorForm { Proof = reauthentication.Issue(user) });
    }

    [Authorize, HttpPost("two-factor")]
    public async Task<IActionResult> TwoFactor(TwoFactorForm form, CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!reauthentication.Holds(user, form.Proof))
        {
            // No fresh proof of the password (or it expired): start again from the password.
            TempData[DomainExceptionFilter.FlashError] = "操作已超时，请重新输入当前密码。";
            return Redirect("/account/two-factor");
        }

        if (ModelState.IsValid && !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, form.Code.Replace(" ", string.Empty)))
        {
            ModelState.AddModelError(nameof(form.Code), "动态验证码不正确或已使用过，请核对手机时间后输入最新的验证码。");
        }

        if (!ModelState.IsValid)
        {
            return EnrolView(user, await users.GetAuthenticatorKeyAsync(user) ?? string.Empty, form);
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        db.Audit("启用双因素认证", AuditOutcome.Success, nameof(PortalUser), user.Id.ToString());
        await db.SaveChangesAsync(ct);
        // The code just proved the second factor: this session counts as two-factor from now on.
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new System.Security.Claims.Claim(SessionValidation.MfaClaimType, SessionValidation.MfaClaimValue)]);
        TempData[DomainExceptionFilter.FlashSuccess] = "双因素认证已启用，今后登录需输入动态验证码。";
        return Redirect("/account/security");
    }

    [Authorize, HttpPost("two-factor/disable")]
    public async Task<IActionResult> DisableTwoFactor(ReauthenticateForm form, CancellationToken ct)
    {
        if (permissions.MustUseTwoFactor)
        {
            return Forbid(); // 等保: administrators always use two factors
        }

        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (ModelState.IsValid && !await users.CheckPasswordAsync(user, form.Password))
        {
            ModelState.AddModelError(nameof(form.Password), "当前密码不正确");
        }

        if (!ModelState.IsValid)
        {
            return View("TwoFactorPassword", new TwoFactorPasswordPage(user.TwoFactorEnabled, permissions.MustUseTwoFactor, form));
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        db.Audit("关闭双因素认证", AuditOutcome.Success, nameof(PortalUser), user.Id.ToString());
        await db.SaveChangesAsync(ct);
        await signIn.RefreshSignInAsync(user);
        TempData[DomainExceptionFilter.FlashSuccess] = "双因素认证已关闭。";
        return Redirect("/account/security");
    }

    private ViewResult EnrolView(PortalUser user, string key, TwoFactorForm form) =>
        View("TwoFactor", new TwoFactorEnrolPage(
            string.Join(' ', key.Chunk(4).Select(c => new string(c))),
            $"otpauth://totp/{Uri.EscapeDataString("安庆科技成果转化:" + user.UserName)}?secret={key}&issuer={Uri.EscapeDataString("安庆科技成果转化")}&digits=6",
            permissions.MustUseTwoFactor,
            form));

    private async Task<Organization?> OwnCorrectableOrganizationAsync(CancellationToken ct)
    {
        if (!actor.IsOrganizationAdmin)
        {
            return null;
        }

        var organizationId = actor.OrganizationId;
        return await db.Organizations.SingleOrDefaultAsync(
            o => o.Id == organizationId && (o.Status == OrganizationStatus.Pending || o.Status == OrganizationStatus.Rejected), ct);
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

    private string SafeReturnUrl(string? returnUrl) => Url.IsLocalUrl(returnUrl) ? returnUrl! : "/workspace";
}
