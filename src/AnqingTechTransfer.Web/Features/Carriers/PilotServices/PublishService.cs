using AnqingTechTransfer.Domain.Carriers;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Carriers.PilotServices;

/// <summary>The host of a pilot base publishes a service. A broken rule stays the filter's flash message. The answer is the carrier's id.</summary>
public class PublishServiceHandler(PortalDbContext db, CarrierPermissions permissions, TimeProvider clock) : IUseCase
{
    public async Task<RecordResult<Guid>> HandleAsync(Guid id, string? title, string? equipment, string? scale, string? priceRange, CancellationToken ct)
    {
        var carrier = await db.Carriers.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (carrier is null)
        {
            return RecordResult<Guid>.NotFound;
        }

        if (!permissions.Allows(CarrierPermissions.Host, carrier))
        {
            return RecordResult<Guid>.Forbidden;
        }

        db.PilotServices.Add(PilotService.Publish(carrier, title ?? string.Empty, equipment ?? string.Empty, scale ?? string.Empty, priceRange ?? string.Empty,
            clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return RecordResult<Guid>.Done(id);
    }
}
