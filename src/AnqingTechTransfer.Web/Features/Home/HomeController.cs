using AnqingTechTransfer.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AnqingTechTransfer.Web.Features.Home;

/// <summary>The public front page: what the portal is for, the latest notices, and the ways in.</summary>
[AllowAnonymous]
public class HomeController(PortalDbContext db) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await Notices.NoticesController.LatestAsync(db, 5, ct));
}
