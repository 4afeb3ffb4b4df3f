using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace AnqingTechTransfer.Web.Features.Home;

/// <summary>The public front page: what the portal is for, the latest notices, and the ways in.</summary>
[AllowAnonymous]
public class HomeController(ShowHomeHandler home) : Controller
{
    [OutputCache(PolicyName = Infrastructure.PublicPageCachePolicy.Name)] // anonymous requests only
    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await home.HandleAsync(ct));
}
