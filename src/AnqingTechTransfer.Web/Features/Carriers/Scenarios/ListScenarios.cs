using AnqingTechTransfer.Domain.Carriers;
using AnqingTechTransfer.Domain.Search;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Infrastructure.Search;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Carriers.Scenarios;

public sealed record ScenarioListPage(PagedList<Scenario> Scenarios, ScenarioPhase? Phase, DateOnly Today, bool CanPublish, bool CanManage,
    string? Q = null, IReadOnlyList<string>? Marks = null, IReadOnlyList<string>? StandIns = null);

/// <summary>
/// 应用场景: the public list of published scenarios, collecting ones first, newest first; a phase (征集中, 征集结束, 已结束)
/// filters, computed from the deadline today. A search by words (title, problem, place, keywords; ADR 0017) lists the best
/// match first; one or two characters match anywhere in title, problem or place.
/// </summary>
public class ListScenariosHandler(PortalDbContext db, ScenarioPermissions permissions, TimeProvider clock, IWordCutter cutter) : IUseCase
{
    public async Task<ScenarioListPage> HandleAsync(ScenarioPhase? phase, int page, CancellationToken ct, string? q = null)
    {
        var today = Display.Today(clock);
        var query = db.Scenarios.AsNoTracking().Where(s => s.Status == ScenarioStatus.Open || s.Status == ScenarioStatus.Closed);
        query = phase switch
        {
            ScenarioPhase.Collecting => query.Where(s => s.Status == ScenarioStatus.Open && s.Deadline >= today),
            ScenarioPhase.CollectionEnded => query.Where(s => s.Status == ScenarioStatus.Open && s.Deadline < today),
            ScenarioPhase.Closed => query.Where(s => s.Status == ScenarioStatus.Closed),
            _ => query,
        };
        var words = WordQuery.Parse(cutter, q);
        string[] terms = words.IsShort ? [words.Text] : [];
        foreach (var term in terms)
        {
            var pattern = "%" + term.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            query = query.Where(s => EF.Functions.ILike(s.Title, pattern) || EF.Functions.ILike(s.Problem, pattern) || EF.Functions.ILike(s.Place, pattern));
        }

        var found = await SearchedPage<Scenario>.OfAsync(words, query,
            all => all.OrderBy(s => s.Status).ThenBy(s => s.Deadline < today).ThenByDescending(s => s.PublishedAt ?? s.CreatedAt).ThenBy(s => s.Id),
            ranked => ranked.ThenBy(s => s.Status).ThenBy(s => s.Deadline < today).ThenByDescending(s => s.PublishedAt ?? s.CreatedAt).ThenBy(s => s.Id),
            s => s, page, ct, terms);
        return new ScenarioListPage(found.Rows, phase is ScenarioPhase.Collecting or ScenarioPhase.CollectionEnded or ScenarioPhase.Closed ? phase : null, today,
            permissions.MayPublish, permissions.MayManage, words.Text, found.Marks, found.StandIns);
    }
}

public sealed record ScenarioManagePage(IReadOnlyList<Scenario> Scenarios, DateOnly Today, bool CanPublish, bool IsCenter, ScenarioStatus? Status = null, bool Mine = false);

/// <summary>
/// 场景挖掘与审核: the scenarios being prepared that the actor may see (the tenant filter) — its own (drafts first), those
/// pending review or returned in its county or park, all of them for the 场景促进中心 and the bureau — then its own published ones.
/// A status (and "mine", its own only) narrows it: what the scenario to-dos open (<see cref="ScenarioTodos"/>).
/// </summary>
public class ManageScenariosHandler(PortalDbContext db, ICurrentActor actor, ScenarioPermissions permissions, TimeProvider clock) : IUseCase
{
    public async Task<ScenarioManagePage> HandleAsync(ScenarioStatus? status, bool mine, CancellationToken ct)
    {
        var rows = await Query(db, actor.OrganizationId, status, mine)
            .OrderBy(s => s.Status == ScenarioStatus.Pending ? 0 : s.Status == ScenarioStatus.Returned ? 1 : s.Status == ScenarioStatus.Draft ? 2 : 3)
            .ThenByDescending(s => s.CreatedAt).Take(200).ToListAsync(ct);
        return new ScenarioManagePage(rows, Display.Today(clock), permissions.MayPublish, permissions.IsCenter, status, mine);
    }

    /// <summary>The list's rows, before ordering: also what the to-dos count.</summary>
    public static IQueryable<Scenario> Query(PortalDbContext db, Guid me, ScenarioStatus? status, bool mine)
    {
        var query = db.Scenarios.AsNoTracking()
            .Where(s => s.OrganizationId == me || (!mine && (s.Status == ScenarioStatus.Pending || s.Status == ScenarioStatus.Returned)));
        return status is { } wanted ? query.Where(s => s.Status == wanted) : query;
    }
}
