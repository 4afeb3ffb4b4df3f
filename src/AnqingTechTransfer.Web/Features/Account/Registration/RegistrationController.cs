using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AnqingTechTransfer.Web.Features.Account.Registration;

/// <summary>单位注册: an organization registers with its first user; its admin corrects a pending or rejected registration.</summary>
[Route("account")]
public class RegistrationController(RegistrationHandler registration) : Controller
{
    [AllowAnonymous, HttpGet("register")]
    public IActionResult Register() => View(new RegisterForm());

    [AllowAnonymous, HttpPost("register")]
    [RequestSizeLimit(30 * 1024 * 1024)]
    public async Task<IActionResult> Register(RegisterForm form, CancellationToken ct)
    {
        var outcome = await registration.RegisterAsync(form, ModelState.IsValid, ct);
        ModelState.AddErrors(outcome.Errors);
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        return this.Flash("注册申请已提交，请等待所在县（市、区）、园区或市科技局审核。审核结果将通过站内消息通知您。", RedirectToAction(nameof(Workspace.WorkspaceController.Index), "Workspace"));
    }

    /// <summary>The organization admin of a pending or rejected registration corrects it (and so resubmits it).</summary>
    [Authorize, HttpGet("registration")]
    public async Task<IActionResult> Registration(CancellationToken ct) => this.Answer(await registration.FormAsync(ct), form => View(form));

    [Authorize, HttpPost("registration")]
    [RequestSizeLimit(30 * 1024 * 1024)]
    public async Task<IActionResult> Registration(OrganizationDetailsForm form, CancellationToken ct)
    {
        // The kind decides the role and is not changed by a correction; the page shows it disabled, so browsers do not post it.
        ModelState.Remove(nameof(form.Kind));
        return this.Answer(await registration.CorrectAsync(form, ModelState.IsValid, ct),
            _ => this.Flash("注册信息已更新并重新提交审核。", RedirectToAction(nameof(Workspace.WorkspaceController.Index), "Workspace")), _ => View(form));
    }
}
