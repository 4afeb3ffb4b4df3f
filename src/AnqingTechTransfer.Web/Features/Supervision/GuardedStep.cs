using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;

namespace AnqingTechTransfer.Web.Features.Supervision;

/// <summary>
/// The shape every step on one record of this module shares (a report reviewed, a measure marked done, a notice withdrawn, an
/// entry taken off the list): the record loaded through the tenant filter (not found when it is not there for this actor),
/// the right (refused), the version the page was read at (a concurrent edit is refused, not overwritten), the domain step,
/// saved. A broken rule stays the filter's flash message: these steps have no form to show again.
/// </summary>
public static class GuardedStep
{
    public static async Task<RecordResult<T>> ApplyAsync<T>(PortalDbContext db, T? record, Func<T, bool> allowed, uint? version, Action<T> step,
        CancellationToken ct) where T : class
    {
        if (record is null)
        {
            return RecordResult<T>.NotFound;
        }

        if (!allowed(record))
        {
            return RecordResult<T>.Forbidden;
        }

        if (version is { } v)
        {
            db.Entry(record).Property<uint>("Version").OriginalValue = v;
        }

        step(record);
        await db.SaveChangesAsync(ct);
        return RecordResult<T>.Done(record);
    }
}
