using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Workspace;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Shared;

public sealed record NavigationViewModel(IReadOnlyList<PortalModule> Modules, int TodoCount, int UnreadMessages, string DisplayName, string CurrentPath);

public class NavigationViewComponent(PortalDbContext db, IEnumerable<ITodoSource> todos) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var user = HttpContext.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            return View(new NavigationViewModel([], 0, 0, string.Empty, HttpContext.Request.Path));
        }

        var active = user.HasClaim(Tenancy.PortalClaims.OrganizationStatus, nameof(Domain.Organizations.OrganizationStatus.Active));
        var todoCount = 0;
        foreach (var source in active ? todos : [])
        {
            todoCount += (await source.GetAsync(HttpContext.RequestAborted)).Where(t => t.CountsInTotal).Sum(t => t.Count);
        }

        var unread = await db.Notifications.CountAsync(n => n.ReadAt == null, HttpContext.RequestAborted);
        // An organization not yet approved is kept on its workspace: no links it could not follow.
        var modules = active ? PortalModules.For(user).Where(m => m.InNavigation).ToList() : [];
        return View(new NavigationViewModel(modules, todoCount, unread,
            db.Actor.DisplayName, HttpContext.Request.Path));
    }
}
