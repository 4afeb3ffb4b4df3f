using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Carriers;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Carriers.Registry;

/// <summary>
/// A host applies for a municipal recognition; its county or park nominates it for a provincial one; the bureau decides.
/// The answer is the carrier's id (the application, for a decision). A broken rule stays the filter's flash message (no form here).
/// </summary>
public class RecognitionHandler(PortalDbContext db, ICurrentActor actor, CarrierPermissions permissions, TimeProvider clock) : IUseCase
{
    public async Task<RecordResult<Guid>> ApplyAsync(Guid id, CarrierLevel level, string? statement, CancellationToken ct)
    {
        var carrier = await db.Carriers.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (carrier is null)
        {
            return RecordResult<Guid>.NotFound;
        }

        if (!permissions.Allows(CarrierPermissions.Apply, carrier))
        {
            return RecordResult<Guid>.Forbidden;
        }

        if (await db.RecognitionApplications.AnyAsync(a => a.CarrierId == id && a.Status == RecognitionStatus.Submitted, ct))
        {
            throw new DomainException("该载体已有待认定的申请");
        }

        db.RecognitionApplications.Add(RecognitionApplication.Apply(carrier, actor.OrganizationId, permissions.Nominates(carrier) && !permissions.IsHost(carrier), level,
            statement ?? string.Empty, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return RecordResult<Guid>.Done(id);
    }

    /// <summary>The bureau decides; an approval recognises the carrier (loaded with the application, tracked).</summary>
    public async Task<RecordResult<RecognitionApplication>> DecideAsync(Guid applicationId, bool approve, string? reason, string? batch, uint version, CancellationToken ct)
    {
        var application = await db.RecognitionApplications.SingleOrDefaultAsync(a => a.Id == applicationId, ct);
        var carrier = application is null || !permissions.Decides ? null : await db.Carriers.SingleAsync(c => c.Id == application.CarrierId, ct);
        return await db.StepAsync(application, _ => permissions.Decides, version,
            a => a.Decide(carrier!, approve, reason ?? string.Empty, Display.Today(clock).Year, batch ?? string.Empty), ct);
    }
}
