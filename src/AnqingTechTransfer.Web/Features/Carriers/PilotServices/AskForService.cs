using AnqingTechTransfer.Domain.Carriers;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Carriers.PilotServices;

/// <summary>An enterprise asks a pilot base for a published service; a refused request comes back as the rule's message (Invalid).</summary>
public class AskForServiceHandler(PortalDbContext db, ICurrentActor actor, TimeProvider clock) : IUseCase
{
    public async Task<RecordResult<Guid>> HandleAsync(Guid id, string? need, bool requestsServices, CancellationToken ct)
    {
        var service = await db.PilotServices.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (service is null)
        {
            return RecordResult<Guid>.NotFound;
        }

        if (!requestsServices)
        {
            return RecordResult<Guid>.Forbidden;
        }

        var name = await db.Organizations.AsNoTracking().Where(o => o.Id == actor.OrganizationId).Select(o => o.Name).SingleAsync(ct);
        var asked = await FieldErrors.TryAsync(async () =>
        {
            var request = ServiceRequest.Ask(service, actor.OrganizationId, name, need ?? string.Empty, clock.GetUtcNow());
            db.ServiceRequests.Add(request);
            await db.SaveChangesAsync(ct);
            return request.Id;
        });
        return asked.Succeeded ? RecordResult<Guid>.Done(asked.Value) : RecordResult<Guid>.Invalid(asked.Errors);
    }
}
