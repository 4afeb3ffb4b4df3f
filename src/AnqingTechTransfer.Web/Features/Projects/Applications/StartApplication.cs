using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Projects.Applications;

/// <summary>
/// 填写申报书: a draft application of the user's organization on an open programme; on a 揭榜挂帅 programme, for a problem on
/// its 榜单 (whose enterprise becomes the 发榜方). A problem off the list is refused with the filter's flash.
/// </summary>
public class StartApplicationHandler(PortalDbContext db, ICurrentActor actor, TimeProvider clock) : IUseCase
{
    public async Task<Guid?> HandleAsync(Guid programmeId, Guid? problemId, CancellationToken ct)
    {
        var programme = await db.Programmes.AsNoTracking().SingleOrDefaultAsync(p => p.Id == programmeId, ct);
        if (programme is null)
        {
            return null;
        }

        var own = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == actor.OrganizationId, ct);
        Guid? poster = null;
        if (problemId is { } pid)
        {
            poster = await db.Problems.Where(p => p.Id == pid && p.ProgrammeId == programmeId && p.Status == ProblemStatus.Listed).Select(p => (Guid?)p.OrganizationId)
                .SingleOrDefaultAsync(ct) ?? throw new DomainException("所选题目不在本专项的榜单上");
        }

        var application = ProjectApplication.Draft(programme, own.Id, own.Name, own.CreditCode, own.RegionCode, own.Kind == OrganizationKind.Enterprise, problemId,
            clock.GetUtcNow(), poster);
        db.ProjectApplications.Add(application);
        await db.SaveChangesAsync(ct);
        return application.Id;
    }
}
