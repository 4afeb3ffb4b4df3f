using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Projects.Problems;

public sealed record ProblemRow(Guid Id, string Title, string EnterpriseName, string RegionCode, decimal OwnFunds, DateOnly Deadline, ProblemStatus Status,
    string? Remark, Guid? ProgrammeId, uint Version);

/// <summary>The problem list with what the viewer may do: propose (an enterprise), screen (a county or park), list on a programme (the bureau).</summary>
public sealed record ProblemListPage(PagedList<ProblemRow> Rows, ProblemStatus? Status, bool IsEnterprise, bool IsScreener, bool IsBureau,
    IReadOnlyList<(Guid Id, string Name)> Programmes);

/// <summary>A problem as the screener and the bureau read it before deciding.</summary>
public sealed record ProblemDetailsPage(ProblemRow Problem, string Description, string Targets, DateTimeOffset ProposedAt, bool IsScreener, bool IsBureau,
    IReadOnlyList<(Guid Id, string Name)> Programmes);

/// <summary>The decisions on one problem, as the list and the details page show them.</summary>
public sealed record ProblemActions(ProblemRow Problem, bool IsScreener, bool IsBureau, IReadOnlyList<(Guid Id, string Name)> Programmes);

/// <summary>
/// 企业出题: each sees the problems of their own scope here (an enterprise its own, a county or park its region's, the
/// bureau all, with the open 揭榜挂帅 programmes to list them on); listed problems of others are on the public 榜单.
/// </summary>
public class ProblemListHandler(PortalDbContext db, ICurrentActor actor, ProjectPermissions permissions, TimeProvider clock) : IUseCase
{
    public async Task<ProblemListPage> HandleAsync(ProblemStatus? status, int page, CancellationToken ct)
    {
        var programmes = permissions.ManagesPlan ? await OpenUnveilingProgrammesAsync(ct) : [];
        var query = InScope();

        if (status is { } s)
        {
            query = query.Where(p => p.Status == s);
        }

        var rows = await query.OrderBy(p => p.Status).ThenByDescending(p => p.CreatedAt).ThenBy(p => p.Id)
            .Select(p => new ProblemRow(p.Id, p.Title, p.EnterpriseName, p.RegionCode, p.OwnFunds, p.Deadline, p.Status, p.Remark, p.ProgrammeId, p.Version))
            .ToPagedListAsync(page, ct: ct);
        return new ProblemListPage(rows, status, permissions.MayPropose, permissions.MayScreen, permissions.ManagesPlan, programmes);
    }

    /// <summary>
    /// One problem with its description and 攻关指标, for the county or park that screens it and the bureau that lists it
    /// (issue 23 §8); null when out of the viewer's scope (the same scopes as the list).
    /// </summary>
    public async Task<ProblemDetailsPage?> DetailsAsync(Guid id, CancellationToken ct)
    {
        var problem = permissions.ReadsProblems ? await InScope().SingleOrDefaultAsync(p => p.Id == id, ct) : null;
        if (problem is null)
        {
            return null;
        }

        var programmes = permissions.ManagesPlan ? await OpenUnveilingProgrammesAsync(ct) : [];
        var row = new ProblemRow(problem.Id, problem.Title, problem.EnterpriseName, problem.RegionCode, problem.OwnFunds, problem.Deadline, problem.Status,
            problem.Remark, problem.ProgrammeId, problem.Version);
        return new ProblemDetailsPage(row, problem.Description, problem.Targets, problem.CreatedAt, permissions.MayScreen, permissions.ManagesPlan, programmes);
    }

    /// <summary>The problems of the viewer's scope: an enterprise its own, a county or park its region's, the bureau all.</summary>
    private IQueryable<Problem> InScope()
    {
        var query = db.Problems.AsNoTracking();
        if (permissions.MayPropose)
        {
            var own = actor.OrganizationId;
            return query.Where(p => p.OrganizationId == own);
        }

        if (permissions.MayScreen)
        {
            var region = actor.RegionCode;
            return query.Where(p => p.RegionCode == region);
        }

        return query;
    }

    private async Task<IReadOnlyList<(Guid Id, string Name)>> OpenUnveilingProgrammesAsync(CancellationToken ct)
    {
        var programmes = await db.Programmes.AsNoTracking().ToListAsync(ct);
        return programmes.Where(p => p.Terms.Mode == FundingMode.Unveiling && p.Terms.ClosesAt > clock.GetUtcNow()).Select(p => (p.Id, p.Terms.Name)).ToList();
    }
}
