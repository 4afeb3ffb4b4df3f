using AnqingTechTransfer.Domain.Carriers;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Carriers.Scenarios;

public sealed record ScenarioListPage(PagedList<Scenario> Scenarios, bool CanPublish);

/// <summary>应用场景: the public list, open ones first, newest first.</summary>
public class ListScenariosHandler(PortalDbContext db) : IUseCase
{
    public async Task<ScenarioListPage> HandleAsync(ScenarioStatus? status, int page, bool canPublish, CancellationToken ct)
    {
        var query = db.Scenarios.AsNoTracking();
        query = status is { } s ? query.Where(x => x.Status == s) : query;
        return new ScenarioListPage(await query.OrderBy(x => x.Status).ThenByDescending(x => x.CreatedAt).ThenBy(x => x.Id).ToPagedListAsync(page, ct: ct), canPublish);
    }
}
