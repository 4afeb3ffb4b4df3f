using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Workspace;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace AnqingTechTransfer.Web.Features.Shared;

/// <param name="HelpAnchor">The section of the user guide the bar's 帮助 link opens: the current page's module (issue 25 §7).</param>
public sealed record NavigationViewModel(IReadOnlyList<PortalModule> Modules, int TodoCount, int UnreadMessages, string DisplayName, string CurrentPath,
    string HelpAnchor = Help.HelpSections.Start);

/// <summary>
/// The bar on every page. Its to-do total runs every module's to-do counts, so it is kept per user for half a minute
/// (the workspace itself always counts live); the unread-message count is one indexed query and stays live.
/// </summary>
public class NavigationViewComponent(PortalDbContext db, IEnumerable<ITodoSource> todos, NavigationPermissions navigation, IMemoryCache cache) : ViewComponent
{
    public static readonly TimeSpan TodoTotalLifetime = TimeSpan.FromSeconds(30);

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var user = HttpContext.User;
        var help = Help.HelpSections.AnchorFor(ViewContext.RouteData.Values["controller"] as string);
        if (user.Identity?.IsAuthenticated != true)
        {
            return View(new NavigationViewModel([], 0, 0, string.Empty, HttpContext.Request.Path, help));
        }

        // An organization not yet approved is kept on its workspace: no to-dos and no links it could not follow.
        var active = navigation.ShowsModules;
        var todoCount = active ? await cache.GetOrCreateAsync(("nav-todos", db.Actor.UserId), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TodoTotalLifetime;
            var total = 0;
            foreach (var source in todos)
            {
                total += (await source.GetAsync(HttpContext.RequestAborted)).Where(t => t.CountsInTotal).Sum(t => t.Count);
            }

            return total;
        }) : 0;

        var unread = await db.Notifications.CountAsync(n => n.ReadAt == null, HttpContext.RequestAborted);
        var modules = navigation.Modules.Where(m => m.InNavigation).ToList();
        return View(new NavigationViewModel(modules, todoCount, unread,
            db.Actor.DisplayName, HttpContext.Request.Path, help));
    }
}
