using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Contracts.RegistrationPoints;

/// <summary>
/// Closes a point (its contracts and their history stay) or reopens it, on the version the bureau saw. A broken rule is a
/// DomainException (the filter flashes it and goes back).
/// </summary>
public class PointStatusHandler(PortalDbContext db, TimeProvider clock) : IUseCase
{
    /// <summary>False when there is no such point.</summary>
    public Task<bool> CloseAsync(Guid id, uint version, string? reason, CancellationToken ct) =>
        ChangeAsync(id, version, p => p.Close(reason ?? string.Empty, clock.GetUtcNow()), ct);

    /// <summary>False when there is no such point.</summary>
    public Task<bool> ReopenAsync(Guid id, uint version, CancellationToken ct) => ChangeAsync(id, version, p => p.Reopen(), ct);

    private async Task<bool> ChangeAsync(Guid id, uint version, Action<RegistrationPoint> change, CancellationToken ct)
    {
        var point = await db.RegistrationPoints.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (point is null)
        {
            return false;
        }

        db.Entry(point).Property(p => p.Version).OriginalValue = version;
        change(point);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
