using AnqingTechTransfer.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;

namespace AnqingTechTransfer.Web.Features.Shared;

/// <param name="HelpAnchor">The section of the user guide the bar's 帮助 link opens: the current page's module (issue 25 §7).</param>
public sealed record NavigationViewModel(IReadOnlyList<PortalModule> Modules, int TodoCount, int UnreadMessages, string DisplayName, string CurrentPath,
    string HelpAnchor = Help.HelpSections.Start);

/// <summary>
/// The bar on every page. Its badges (the to-do total and the unread messages) cost at most one statement, and none while
/// they are kept (<see cref="NavigationCounts"/>).
/// </summary>
public class NavigationViewComponent(NavigationCounts counts, NavigationPermissions navigation, ICurrentActor actor) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var user = HttpContext.User;
        var help = Help.HelpSections.AnchorFor(ViewContext.RouteData.Values["controller"] as string);
        if (user.Identity?.IsAuthenticated != true)
        {
            return View(new NavigationViewModel([], 0, 0, string.Empty, HttpContext.Request.Path, help));
        }

        // An organization not yet approved is kept on its workspace: no to-dos and no links it could not follow.
        var badges = await counts.GetAsync(navigation.ShowsModules, HttpContext.RequestAborted);
        var modules = navigation.Modules.Where(m => m.InNavigation).ToList();
        return View(new NavigationViewModel(modules, badges.Todos, badges.Unread, actor.DisplayName, HttpContext.Request.Path, help));
    }
}
