using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Projects.Calls;

public sealed record ListedProblem(Guid Id, string Title, string EnterpriseName, string Targets, decimal OwnFunds, DateOnly Deadline, Guid? ProgrammeId);

public sealed record ProjectsHome(IReadOnlyList<Call> Calls, IReadOnlyList<ListedProblem> Listed, bool IsBureau);

/// <summary>
/// The public face of the plan: the five latest published calls with their programmes, and the 揭榜 list (the problems the
/// bureau listed, without the enterprise's internal data beyond what it posted).
/// </summary>
public class ProjectsHomeHandler(PortalDbContext db) : IUseCase
{
    public async Task<ProjectsHome> HandleAsync(bool isBureau, CancellationToken ct)
    {
        var calls = await db.ProjectCalls.AsNoTracking().Include(c => c.Programmes).Where(c => c.Status != CallStatus.Draft)
            .OrderByDescending(c => c.Year).ThenByDescending(c => c.PublishedAt).Take(5).ToListAsync(ct);
        var listed = await ListedProblems.Of(db)
            .Select(p => new ListedProblem(p.Id, p.Title, p.EnterpriseName, p.Targets, p.OwnFunds, p.Deadline, p.ProgrammeId)).ToListAsync(ct);
        return new ProjectsHome(calls, listed, isBureau);
    }
}
