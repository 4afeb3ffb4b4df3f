using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AnqingTechTransfer.Web.Features.Account.SignIn;

/// <summary>登录: the password, then (if bound) the one-time code; and 退出. The rules are <see cref="SignInHandler"/>'s.</summary>
[Route("account")]
public class SignInController(SignInHandler signIn) : Controller
{
    [AllowAnonymous, HttpGet("login")]
    public IActionResult Login(string? returnUrl) => View(new LoginForm { ReturnUrl = returnUrl });

    [AllowAnonymous, HttpPost("login")]
    public async Task<IActionResult> Login(LoginForm form, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var answer = await signIn.PasswordAsync(form, ct);
        return answer.Step == SignInStep.TwoFactor ? RedirectToAction(nameof(LoginTwoFactor), new { returnUrl = form.ReturnUrl }) : Answer(answer, form.ReturnUrl, form);
    }

    [AllowAnonymous, HttpGet("login-2fa")]
    public async Task<IActionResult> LoginTwoFactor(string? returnUrl) =>
        await signIn.AwaitsCodeAsync() ? View(new TwoFactorForm { ReturnUrl = returnUrl }) : RedirectToAction(nameof(Login));

    [AllowAnonymous, HttpPost("login-2fa")]
    public async Task<IActionResult> LoginTwoFactor(TwoFactorForm form, CancellationToken ct)
    {
        var answer = await signIn.CodeAsync(form, ModelState.IsValid, ct);
        return answer.Step == SignInStep.NothingPending ? RedirectToAction(nameof(Login)) : Answer(answer, form.ReturnUrl, form);
    }

    [Authorize, HttpPost("logout")]
    public async Task<IActionResult> Logout(CancellationToken ct)
    {
        await signIn.SignOutAsync(User, ct);
        return RedirectToAction(nameof(Home.HomeController.Index), "Home");
    }

    /// <summary>Signed in: on to a local return address (or the workspace); refused: the form again with the message.</summary>
    private IActionResult Answer(SignInAnswer answer, string? returnUrl, object form)
    {
        if (answer.Step == SignInStep.SignedIn)
        {
            return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/workspace");
        }

        ModelState.AddErrors(answer.Errors);
        return View(form);
    }
}
