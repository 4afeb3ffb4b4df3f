using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AnqingTechTransfer.Web.Features.Account.TwoFactor;

/// <summary>双因素认证: the password again, the authenticator key, binding it with a one-time code, and switching it off.</summary>
[Route("account")]
public class TwoFactorController(TwoFactorEnrolmentHandler twoFactor, AccountPermissions permissions) : Controller
{
    /// <summary>The two-factor page asks for the current password before it shows the authenticator key (a GET never shows it).</summary>
    [Authorize, HttpGet("two-factor")]
    public async Task<IActionResult> TwoFactor() => Show(await twoFactor.PasswordPageAsync(User, permissions.MustUseTwoFactor));

    [Authorize, HttpPost("two-factor/key")]
    public async Task<IActionResult> TwoFactorKey(ReauthenticateForm form, CancellationToken ct) =>
        Show(await twoFactor.ShowKeyAsync(User, form, ModelState.IsValid, permissions.MustUseTwoFactor, ct));

    [Authorize, HttpPost("two-factor")]
    public async Task<IActionResult> TwoFactor(TwoFactorForm form, CancellationToken ct) =>
        Show(await twoFactor.EnrolAsync(User, form, ModelState.IsValid, permissions.MustUseTwoFactor, ct));

    [Authorize, HttpPost("two-factor/disable")]
    public async Task<IActionResult> DisableTwoFactor(ReauthenticateForm form, CancellationToken ct) =>
        permissions.MustUseTwoFactor
            ? Forbid() // 等保: administrators always use two factors
            : Show(await twoFactor.DisableAsync(User, form, ModelState.IsValid, permissions.MustUseTwoFactor, ct));

    private IActionResult Show(TwoFactorAnswer answer)
    {
        ModelState.AddErrors(answer.Errors ?? []);
        switch (answer.Step)
        {
            case TwoFactorStep.NoUser:
                return Challenge();
            case TwoFactorStep.PasswordPage:
                return View("TwoFactorPassword", answer.PasswordPage);
            case TwoFactorStep.EnrolPage:
                return View("TwoFactor", answer.EnrolPage);
            case TwoFactorStep.Expired:
                TempData[DomainExceptionFilter.FlashError] = answer.Message;
                return RedirectToAction(nameof(TwoFactor));
            default:
                // a bound authenticator's key is not shown again (no message): switch it off and bind anew
                return answer.Message is { } message ? this.Flash(message, RedirectToAction(nameof(Security.AccountSecurityController.Security), "AccountSecurity")) : RedirectToAction(nameof(Security.AccountSecurityController.Security), "AccountSecurity");
        }
    }
}
