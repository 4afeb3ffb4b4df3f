using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Workspace;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.Extensions.Caching.Memory;

namespace AnqingTechTransfer.Web.Features.Shared;

/// <summary>The two badges of the navigation bar: the to-dos that count in the total, and the unread messages.</summary>
public sealed record NavigationBadges(int Todos, int Unread);

/// <summary>
/// The navigation bar's badges (issue 26): at most one statement, and none while they are kept. They are counted with the
/// to-dos in one statement (<see cref="TodoCollector"/>) and kept per user for <see cref="Lifetime"/>. A message written or
/// read for the user through this instance drops them at once (<see cref="DataWrites"/>), so the unread count is exact on
/// this instance; a message written through another instance shows within <see cref="Lifetime"/> (the messages page itself
/// always reads live), as the to-do total always has. The workspace counts live and leaves its counts here.
/// </summary>
public sealed class NavigationCounts(TodoCollector todos, IMemoryCache cache, ICurrentActor actor) : IUseCase
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    public static object Key(Guid userId, bool active) => (nameof(NavigationCounts), userId, active);

    /// <param name="active">The organization is active: its to-dos count (an organization not yet approved has none).</param>
    public async Task<NavigationBadges> GetAsync(bool active, CancellationToken ct)
    {
        if (cache.TryGetValue(Key(actor.UserId, active), out NavigationBadges? kept) && kept is not null)
        {
            return kept;
        }

        var counted = await todos.CollectAsync(active, ct);
        return Remember(active, counted);
    }

    /// <summary>Keeps the badges of a count made for the page (the workspace's), so the layout of that page sends nothing.</summary>
    public NavigationBadges Remember(bool active, TodoCollector.Collected counted)
    {
        var badges = new NavigationBadges(counted.Total, counted.Unread);
        cache.Set(Key(actor.UserId, active), badges, Lifetime);
        return badges;
    }
}
