using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AnqingTechTransfer.Web.Features.Account.Security;

/// <summary>账户安全: the signed-in user's password and two-factor state, with the ways to change them.</summary>
[Route("account")]
public class AccountSecurityController(SecurityPageHandler page) : Controller
{
    [Authorize, HttpGet("security")]
    public async Task<IActionResult> Security() => await page.HandleAsync(User) is { } model ? View(model) : Challenge();
}
