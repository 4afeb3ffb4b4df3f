using AnqingTechTransfer.Domain.Carriers;
using AnqingTechTransfer.Domain.Matching;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Carriers.Scenarios;

/// <summary>
/// The steps on one scenario: its author submits it; the county or park of its region approves (publishes) or returns it
/// with a reason; a supplier expresses interest (optionally naming its published result); the author accepts an interest
/// (对接) and closes the scenario with its outcome. On the version read; a broken rule stays the filter's flash message.
/// </summary>
public class ScenarioStepsHandler(PortalDbContext db, ICurrentActor actor, ScenarioPermissions permissions, TimeProvider clock) : IUseCase
{
    public async Task<RecordResult<Scenario>> SubmitAsync(Guid id, uint version, CancellationToken ct) =>
        await db.StepAsync(await FindAsync(id, ct), s => permissions.Allows(ScenarioPermissions.Edit, s), version, s => s.Submit(Display.Today(clock)), ct);

    public async Task<RecordResult<Scenario>> ApproveAsync(Guid id, uint version, CancellationToken ct)
    {
        var reviewer = await OwnNameAsync(ct);
        return await db.StepAsync(await FindAsync(id, ct), s => permissions.Allows(ScenarioPermissions.Review, s), version,
            s => s.Approve(reviewer, Display.Today(clock), clock.GetUtcNow()), ct);
    }

    public async Task<RecordResult<Scenario>> ReturnAsync(Guid id, string? reason, uint version, CancellationToken ct)
    {
        var reviewer = await OwnNameAsync(ct);
        return await db.StepAsync(await FindAsync(id, ct), s => permissions.Allows(ScenarioPermissions.Review, s), version, s => s.Return(reviewer, reason ?? string.Empty), ct);
    }

    public async Task<RecordResult<Scenario>> ExpressInterestAsync(Guid id, string? text, Guid? resultId, uint version, CancellationToken ct)
    {
        var name = await OwnNameAsync(ct);
        // Only the organization's own published result may be named.
        var result = resultId is { } r
            ? await db.TechResults.AsNoTracking().Where(x => x.Id == r && x.OrganizationId == actor.OrganizationId && x.Status == ListingStatus.Published)
                .Select(x => (Guid?)x.Id).SingleOrDefaultAsync(ct)
            : null;
        return await db.StepAsync(await FindAsync(id, ct), s => permissions.Allows(ScenarioPermissions.Express, s), version,
            s => s.ExpressInterest(actor.OrganizationId, name, text ?? string.Empty, Display.Today(clock), clock.GetUtcNow(), result), ct);
    }

    public async Task<RecordResult<Scenario>> AcceptAsync(Guid id, Guid organizationId, uint version, CancellationToken ct) =>
        await db.StepAsync(await FindAsync(id, ct), s => permissions.Allows(ScenarioPermissions.Close, s), version, s => s.AcceptInterest(organizationId, clock.GetUtcNow()), ct);

    public async Task<RecordResult<Scenario>> CloseAsync(Guid id, string? outcome, uint version, CancellationToken ct) =>
        await db.StepAsync(await FindAsync(id, ct), s => permissions.Allows(ScenarioPermissions.Close, s), version, s => s.Close(outcome ?? string.Empty), ct);

    private Task<Scenario?> FindAsync(Guid id, CancellationToken ct) => db.Scenarios.SingleOrDefaultAsync(s => s.Id == id, ct);

    private async Task<string> OwnNameAsync(CancellationToken ct) =>
        await db.Organizations.AsNoTracking().Where(o => o.Id == actor.OrganizationId).Select(o => o.Name).SingleOrDefaultAsync(ct) ?? string.Empty;
}
