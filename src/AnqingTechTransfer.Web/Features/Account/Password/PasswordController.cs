using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AnqingTechTransfer.Web.Features.Account.Password;

/// <summary>修改密码: the signed-in user's own password.</summary>
[Route("account")]
public class PasswordController(ChangePasswordHandler change) : Controller
{
    [Authorize, HttpGet("password")]
    public IActionResult ChangePassword() => View(new ChangePasswordForm());

    [Authorize, HttpPost("password")]
    public async Task<IActionResult> ChangePassword(ChangePasswordForm form, CancellationToken ct)
    {
        if (await change.HandleAsync(User, form, ModelState.IsValid) is not { } errors)
        {
            return Challenge();
        }

        ModelState.AddErrors(errors);
        return ModelState.IsValid ? this.Flash("密码已修改。", RedirectToAction(nameof(Security.AccountSecurityController.Security), "AccountSecurity")) : View(form);
    }
}
