using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AnqingTechTransfer.Web.Features.Workspace;

/// <summary>The signed-in user's start page: what awaits them, what they can open, and their latest messages.</summary>
[Authorize]
[Route("workspace")]
public class WorkspaceController(NavigationPermissions navigation) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] ShowWorkspaceHandler workspace, CancellationToken ct)
    {
        // Leaders only look at dashboards: they land on their cockpit.
        if (navigation.LandsOnCockpit)
        {
            return RedirectToAction(nameof(Targets.Cockpit.CockpitController.Index), "Cockpit");
        }

        // Signed in, yet the account reaches nothing (no role): say so rather than fail.
        return await workspace.HandleAsync(ct) is { } page ? View(page) : View("NoAccess");
    }
}
