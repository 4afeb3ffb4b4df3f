using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Projects.Applications;

public sealed record ApplicationRow(Guid Id, string Title, string ApplicantName, string RegionCode, string Programme, ApplicationStatus Status, DateTimeOffset? SubmittedAt);

/// <summary>A programme open for applications now, and the 榜单 problems an applicant may take up on it.</summary>
public sealed record OpenProgramme(Guid Id, string Name, FundingMode Mode, DateTimeOffset ClosesAt, IReadOnlyList<(Guid Id, string Title)> Listed);

/// <summary>The application list (the tenant filter keeps each to their scope) and, for an applicant, the programmes open now.</summary>
public sealed record ApplicationListPage(PagedList<ApplicationRow> Rows, ApplicationStatus? Status, bool IsApplicant, IReadOnlyList<OpenProgramme> Open);

/// <summary>
/// 项目申报: applicants see their own applications and the programmes they may apply to (a 定向委托 programme only for its
/// directed unit; on a 揭榜挂帅 榜单, not the problems their own organization posted); screeners their region's; the bureau all.
/// </summary>
public class ApplicationListHandler(PortalDbContext db, ProjectPermissions permissions, ICurrentActor actor, TimeProvider clock) : IUseCase
{
    public async Task<ApplicationListPage> HandleAsync(ApplicationStatus? status, int page, CancellationToken ct)
    {
        var open = permissions.MayApply ? await OpenProgrammesAsync(ct) : [];
        var query = db.ProjectApplications.AsNoTracking();
        if (status is { } s)
        {
            query = query.Where(a => a.Status == s);
        }

        var rows = await query.OrderBy(a => a.Status).ThenByDescending(a => a.SubmittedAt).ThenBy(a => a.Id)
            .Join(db.Programmes.AsNoTracking(), a => a.ProgrammeId, p => p.Id, (a, p) => new { a, p })
            .Select(x => new ApplicationRow(x.a.Id, x.a.Title, x.a.ApplicantName, x.a.RegionCode, x.p.Terms.Name, x.a.Status, x.a.SubmittedAt))
            .ToPagedListAsync(page, ct: ct);
        return new ApplicationListPage(rows, status, permissions.MayApply, open);
    }

    private async Task<IReadOnlyList<OpenProgramme>> OpenProgrammesAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var programmes = await db.Programmes.AsNoTracking().Where(p => db.ProjectCalls.Any(c => c.Id == p.CallId && c.Status == CallStatus.Published)).ToListAsync(ct);
        var own = actor.OrganizationId;
        var creditCode = await db.Organizations.AsNoTracking().Where(o => o.Id == own).Select(o => o.CreditCode).SingleOrDefaultAsync(ct);
        var listed = (await ListedProblems.Of(db).Where(p => p.OrganizationId != own).Select(p => new { p.Id, p.Title, p.ProgrammeId }).ToListAsync(ct))
            .GroupBy(p => p.ProgrammeId ?? Guid.Empty).ToDictionary(g => g.Key, g => g.Select(p => (p.Id, p.Title)).ToList());
        return programmes.Where(p => p.Terms.IsOpen(now) && (p.Terms.Mode != FundingMode.Directed || p.Terms.DirectedCreditCode == creditCode))
            .Select(p => new OpenProgramme(p.Id, p.Terms.Name, p.Terms.Mode, p.Terms.ClosesAt, listed.GetValueOrDefault(p.Id) ?? [])).ToList();
    }
}
