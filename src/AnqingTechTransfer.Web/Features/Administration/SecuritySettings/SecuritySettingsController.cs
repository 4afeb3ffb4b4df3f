using AnqingTechTransfer.Web.Authorization;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AnqingTechTransfer.Web.Features.Administration.SecuritySettings;

/// <summary>
/// 安全策略: the security administrator (三权分立) keeps the lockout, the password length and the addresses /admin answers
/// from. Every change is audited; a list that would shut out the administrator's own address is refused.
/// </summary>
[Authorize(Policy = Policies.SecurityAdmin)]
[Route("admin/security")]
public class SecuritySettingsController(EditSecuritySettingsHandler settings) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        View(await settings.FormAsync(HttpContext.Connection.RemoteIpAddress, ct));

    [HttpPost("")]
    public async Task<IActionResult> Save(SecuritySettingsForm form, CancellationToken ct)
    {
        var outcome = await settings.HandleAsync(form, HttpContext.Connection.RemoteIpAddress, ModelState.IsValid, ct);
        ModelState.AddErrors(outcome.Errors);
        return outcome.Succeeded && ModelState.IsValid
            ? this.Flash("安全策略已保存，本实例立即生效，其他实例30秒内生效。", RedirectToAction(nameof(Index)))
            : View("Index", form);
    }
}
