using AnqingTechTransfer.Domain.Carriers;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Carriers.Scenarios;

/// <summary>A supplier expresses interest; the publisher closes the scenario with its outcome. On the version read; a broken rule stays the filter's flash message.</summary>
public class ScenarioStepsHandler(PortalDbContext db, ICurrentActor actor, ScenarioPermissions permissions, TimeProvider clock) : IUseCase
{
    public async Task<RecordResult<Scenario>> ExpressInterestAsync(Guid id, string? text, uint version, CancellationToken ct)
    {
        var name = await db.Organizations.AsNoTracking().Where(o => o.Id == actor.OrganizationId).Select(o => o.Name).SingleOrDefaultAsync(ct) ?? string.Empty;
        return await db.StepAsync(await db.Scenarios.SingleOrDefaultAsync(s => s.Id == id, ct), s => permissions.Allows(ScenarioPermissions.Express, s), version,
            s => s.ExpressInterest(actor.OrganizationId, name, text ?? string.Empty, Display.Today(clock), clock.GetUtcNow()), ct);
    }

    public async Task<RecordResult<Scenario>> CloseAsync(Guid id, string? outcome, uint version, CancellationToken ct) =>
        await db.StepAsync(await db.Scenarios.SingleOrDefaultAsync(s => s.Id == id, ct), s => permissions.Allows(ScenarioPermissions.Close, s), version,
            s => s.Close(outcome ?? string.Empty), ct);
}
