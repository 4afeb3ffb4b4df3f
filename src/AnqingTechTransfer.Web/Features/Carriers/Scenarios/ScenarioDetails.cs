using AnqingTechTransfer.Domain.Carriers;
using AnqingTechTransfer.Domain.CodeTables;
using AnqingTechTransfer.Domain.Matching;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Administration.CodeTables;
using AnqingTechTransfer.Web.Features.Market.Listings;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Carriers.Scenarios;

public sealed record ScenarioView(Scenario Scenario, ScenarioPhase Phase, string FieldName, bool IsPublisher, bool CanEdit, bool CanReview, bool CanExpress, bool Expressed,
    ScenarioInterest? OwnInterest, IReadOnlyList<Suggestion> MatchedResults, IReadOnlyList<Suggestion> MatchedNeeds, IReadOnlyList<(Guid Id, string Title)> OwnResults);

/// <summary>
/// A scenario: public once published, before that its author's, its reviewers', the centre's and the city's (the tenant
/// filter; null otherwise). Its author sees the interests and accepts them; the region's county or park reviews it; a
/// supplier may express interest naming one of its published results; a published scenario shows its matched results and needs.
/// </summary>
public class ScenarioDetailsHandler(PortalDbContext db, ICurrentActor actor, ScenarioPermissions permissions, ScenarioMatchesHandler matches,
    CodeTableLookupHandler codes, TimeProvider clock) : IUseCase
{
    public async Task<ScenarioView?> HandleAsync(Guid id, CancellationToken ct)
    {
        var scenario = await db.Scenarios.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (scenario is null)
        {
            return null;
        }

        var phase = scenario.PhaseOn(Display.Today(clock));
        var isPublisher = permissions.IsPublisher(scenario);
        var canExpress = permissions.Allows(ScenarioPermissions.Express, scenario) && !isPublisher && phase == ScenarioPhase.Collecting;
        var (results, needs) = await matches.ForScenarioAsync(scenario, ct);
        var ownResults = canExpress && !permissions.HasExpressed(scenario)
            ? await db.TechResults.AsNoTracking().Where(r => r.OrganizationId == actor.OrganizationId && r.Status == ListingStatus.Published).OrderBy(r => r.Title)
                .Select(r => new ValueTuple<Guid, string>(r.Id, r.Title)).Take(50).ToListAsync(ct)
            : [];
        var fields = await codes.NamesAsync(CodeTableCatalog.TechnicalField, ct);
        return new ScenarioView(scenario, phase, fields.GetValueOrDefault(scenario.FieldCode, scenario.FieldCode), isPublisher,
            permissions.Allows(ScenarioPermissions.Edit, scenario) && scenario.IsEditable,
            permissions.Allows(ScenarioPermissions.Review, scenario) && scenario.Status == ScenarioStatus.Pending, canExpress, permissions.HasExpressed(scenario),
            actor.IsOrganizationActive ? scenario.Interests.FirstOrDefault(i => i.OrganizationId == actor.OrganizationId) : null, results, needs, ownResults);
    }
}
