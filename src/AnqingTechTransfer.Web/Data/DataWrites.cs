using System.Collections.Concurrent;
using AnqingTechTransfer.Domain.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.Extensions.Caching.Memory;

namespace AnqingTechTransfer.Web.Data;

/// <summary>
/// What this instance has written (issue 26), for the per-user values it keeps in memory: a version per entity type,
/// moved by every save that adds, changes or deletes rows of it (the derived to-do items are kept under the versions of the
/// tables they read), and the navigation badge of every user a message was written or read for, dropped at once. Writes made
/// through another instance are not seen here: what is kept from them lives at most the lifetime of its entry (30 s).
/// </summary>
public sealed class DataWrites(IMemoryCache cache)
{
    private readonly ConcurrentDictionary<Type, long> _versions = new();

    /// <summary>Changes whenever a save through this instance writes one of the types.</summary>
    public long VersionOf(IEnumerable<Type> types) => types.Sum(t => _versions.GetValueOrDefault(t));

    /// <summary>The types and the message recipients of a save, read before it (the change tracker forgets them after).</summary>
    public static Written Capture(ChangeTracker tracker)
    {
        var types = new HashSet<Type>();
        var recipients = new HashSet<Guid>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            {
                types.Add(entry.Metadata.ClrType);
                if (entry.Entity is Notification message)
                {
                    recipients.Add(message.RecipientUserId);
                }
            }
        }

        return new Written(types, recipients);
    }

    public void Saved(Written written)
    {
        foreach (var type in written.Types)
        {
            _versions.AddOrUpdate(type, 1, (_, version) => version + 1);
        }

        MessagesChanged(written.Recipients);
    }

    /// <summary>Messages were written or read for these users: their badges are counted again at their next page.</summary>
    public void MessagesChanged(IEnumerable<Guid> users)
    {
        foreach (var user in users)
        {
            cache.Remove(Features.Shared.NavigationCounts.Key(user, active: true));
            cache.Remove(Features.Shared.NavigationCounts.Key(user, active: false));
        }
    }

    public sealed record Written(IReadOnlySet<Type> Types, IReadOnlySet<Guid> Recipients);
}
