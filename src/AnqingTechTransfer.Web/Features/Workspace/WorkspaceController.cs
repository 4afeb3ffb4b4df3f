using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Domain.Regions;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Workspace;

public sealed record WorkspaceOrganization(string Name, OrganizationKind Kind, string RegionCode, OrganizationStatus Status, string? StatusReason);

public sealed record WorkspaceMessage(Guid Id, string Title, DateTimeOffset CreatedAt, bool Read);

public sealed record WorkspaceViewModel(
    string DisplayName,
    WorkspaceOrganization Organization,
    IReadOnlyList<string> Roles,
    IReadOnlyList<TodoItem> Todos,
    IReadOnlyList<PortalModule> Modules,
    IReadOnlyList<WorkspaceMessage> Messages,
    bool IsOrganizationAdmin)
{
    public string RegionName => AnqingRegions.NameOf(Organization.RegionCode);
}

/// <summary>The signed-in user's start page: what awaits them, what they can open, and their latest messages.</summary>
[Authorize]
[Route("workspace")]
public class WorkspaceController(PortalDbContext db, IEnumerable<ITodoSource> sources, ICurrentActor actor, NavigationPermissions navigation) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        // Leaders only look at dashboards: they land on their cockpit.
        if (navigation.LandsOnCockpit)
        {
            return Redirect("/cockpit");
        }

        var organizationId = actor.OrganizationId;
        var organization = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId)
            .Select(o => new WorkspaceOrganization(o.Name, o.Kind, o.RegionCode, o.Status, o.StatusReason))
            .SingleOrDefaultAsync(ct);
        if (organization is null)
        {
            // Signed in, yet the account reaches nothing (no role): say so rather than fail.
            return View("NoAccess");
        }

        var todos = new List<TodoItem>();
        if (organization.Status == OrganizationStatus.Active)
        {
            foreach (var source in sources)
            {
                todos.AddRange(await source.GetAsync(ct));
            }
        }

        var messages = await db.Notifications.AsNoTracking().OrderByDescending(n => n.CreatedAt).Take(5)
            .Select(n => new WorkspaceMessage(n.Id, n.Title, n.CreatedAt, n.ReadAt != null)).ToListAsync(ct);
        var modules = organization.Status == OrganizationStatus.Active ? navigation.Modules : [];
        return View(new WorkspaceViewModel(actor.DisplayName, organization, actor.Roles.Order().ToList(), todos.Where(t => t.Count > 0).ToList(),
            modules, messages, actor.IsOrganizationAdmin));
    }
}
