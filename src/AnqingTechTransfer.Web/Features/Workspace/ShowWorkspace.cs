using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Domain.Regions;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
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

/// <summary>
/// 工作台: what awaits the signed-in user (every module's todo sources, while the organization is active), the modules
/// they can open and their latest messages. Null when the account reaches no organization. The to-dos are counted live, in
/// one statement with the unread messages (<see cref="TodoCollector"/>), and left for the navigation bar of the same page
/// (<see cref="NavigationCounts"/>).
/// </summary>
public sealed class ShowWorkspaceHandler(PortalDbContext db, TodoCollector collector, NavigationCounts badges, ICurrentActor actor, NavigationPermissions navigation)
    : IUseCase
{
    public async Task<WorkspaceViewModel?> HandleAsync(CancellationToken ct)
    {
        var organizationId = actor.OrganizationId;
        var organization = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId)
            .Select(o => new WorkspaceOrganization(o.Name, o.Kind, o.RegionCode, o.Status, o.StatusReason))
            .SingleOrDefaultAsync(ct);
        if (organization is null)
        {
            return null;
        }

        var active = organization.Status == OrganizationStatus.Active;
        var counted = await collector.CollectAsync(active, ct);
        if (active == navigation.ShowsModules)
        {
            badges.Remember(active, counted);
        }

        var todos = counted.Items;

        var messages = await db.Notifications.AsNoTracking().OrderByDescending(n => n.CreatedAt).Take(5)
            .Select(n => new WorkspaceMessage(n.Id, n.Title, n.CreatedAt, n.ReadAt != null)).ToListAsync(ct);
        var modules = organization.Status == OrganizationStatus.Active ? navigation.Modules : [];
        return new WorkspaceViewModel(actor.DisplayName, organization, actor.Roles.Order().ToList(), todos.Where(t => t.Count > 0).ToList(),
            modules, messages, actor.IsOrganizationAdmin);
    }
}
