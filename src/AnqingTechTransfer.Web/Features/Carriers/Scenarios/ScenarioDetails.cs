using AnqingTechTransfer.Domain.Carriers;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Carriers.Scenarios;

public sealed record ScenarioView(Scenario Scenario, bool IsPublisher, bool CanExpress, bool Expressed);

/// <summary>A scenario, public; its publisher sees the interests; a supplier may express its own (null when there is no such scenario).</summary>
public class ScenarioDetailsHandler(PortalDbContext db, ScenarioPermissions permissions) : IUseCase
{
    public async Task<ScenarioView?> HandleAsync(Guid id, CancellationToken ct)
    {
        var scenario = await db.Scenarios.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (scenario is null)
        {
            return null;
        }

        var isPublisher = permissions.IsPublisher(scenario);
        return new ScenarioView(scenario, isPublisher, permissions.Allows(ScenarioPermissions.Express, scenario) && !isPublisher && scenario.Status == ScenarioStatus.Open,
            permissions.HasExpressed(scenario));
    }
}
