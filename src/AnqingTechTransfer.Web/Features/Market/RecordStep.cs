using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;

namespace AnqingTechTransfer.Web.Features.Market;

/// <summary>
/// The shape every step on one record of the market shares (a listing's review, a docking request's answer, an event's
/// outcome, a commissioner's log): found through the tenant filter (else 404), allowed (else 403), held at the version the
/// page was read at, the domain step applied, saved. A broken rule stays DomainExceptionFilter's flash message (no form).
/// </summary>
public static class RecordStep
{
    public static async Task<RecordResult<T>> ApplyAsync<T>(this PortalDbContext db, T? record, Func<T, bool> allowed, uint? version, Action<T> step,
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
