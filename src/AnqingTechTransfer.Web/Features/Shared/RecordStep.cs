using AnqingTechTransfer.Web.Data;

namespace AnqingTechTransfer.Web.Features.Shared;

/// <summary>
/// The step every state-changing use case on one record shares: the record loaded through the tenant filter (not found
/// when it is not there for this actor), the right (refused), the version the form was read at (a concurrent edit is
/// refused, not overwritten), the domain step, saved. A broken rule stays a DomainException (the filter flashes it).
/// </summary>
public static class RecordStep
{
    public static async Task<RecordResult<T>> StepAsync<T>(this PortalDbContext db, T? record, Func<T, bool> allowed, uint? version, Action<T> act,
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

        act(record);
        await db.SaveChangesAsync(ct);
        return RecordResult<T>.Done(record);
    }
}
