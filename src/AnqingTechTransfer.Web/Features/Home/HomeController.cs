using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AnqingTechTransfer.Web.Features.Home;

/// <summary>The public front page: what the portal is for, and the ways in.</summary>
[AllowAnonymous]
public class HomeController : Controller
{
    [HttpGet("/")]
    public IActionResult Index() => View();
}
