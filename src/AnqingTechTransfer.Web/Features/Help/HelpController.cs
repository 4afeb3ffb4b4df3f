using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AnqingTechTransfer.Web.Features.Help;

/// <summary>
/// 帮助: the user guide (docs/user-guide.md) inside the portal, public like any documentation (issue 25 §7). Every page's
/// header links here with the anchor of its module (<see cref="HelpSections.AnchorFor"/>).
/// </summary>
[AllowAnonymous]
[Route("help")]
public class HelpController(ShowHelpHandler help, UserGuide guide) : Controller
{
    [HttpGet("")]
    public IActionResult Index()
    {
        Response.Headers.CacheControl = "public, max-age=300";
        return View(help.Handle(Url.Content("~/help/images/")));
    }

    [HttpGet("images/{name}")]
    public IActionResult Image(string name)
    {
        if (guide.ImagePath(name) is not { } path)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "public, max-age=3600";
        return PhysicalFile(path, "image/png");
    }
}
