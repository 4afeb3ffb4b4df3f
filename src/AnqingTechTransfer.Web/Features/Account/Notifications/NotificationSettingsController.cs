using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AnqingTechTransfer.Web.Features.Account.Notifications;

/// <summary>消息与邮件设置: every signed-in user, for their own account only.</summary>
[Route("account")]
public class NotificationSettingsController(NotificationSettingsHandler settings) : Controller
{
    [Authorize, HttpGet("notifications")]
    public async Task<IActionResult> Notifications(CancellationToken ct) =>
        await settings.PageAsync(ct) is { } page ? View(page) : Challenge();

    [Authorize, HttpPost("notifications")]
    public async Task<IActionResult> Notifications(NotificationSettingsForm form, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return View(await settings.WithAsync(form, ct));
        }

        return await settings.SaveAsync(form, ct)
            ? this.Flash("消息与邮件设置已保存。", RedirectToAction(nameof(Notifications)))
            : Challenge();
    }
}
