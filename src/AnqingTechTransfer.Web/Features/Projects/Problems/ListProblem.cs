using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Projects.Problems;

/// <summary>列入榜单: the bureau puts a screened problem on a 揭榜挂帅 programme's public list; a broken rule is the filter's flash.</summary>
public class ListProblemHandler(PortalDbContext db, ProjectPermissions permissions) : IUseCase
{
    public async Task<RecordResult<Guid>> HandleAsync(Guid id, Guid programmeId, uint version, CancellationToken ct)
    {
        var problem = await db.Problems.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (problem is null)
        {
            return RecordResult<Guid>.NotFound;
        }

        if (!permissions.ManagesPlan)
        {
            return RecordResult<Guid>.Forbidden;
        }

        var programme = await db.Programmes.AsNoTracking().SingleOrDefaultAsync(p => p.Id == programmeId, ct)
            ?? throw new DomainException("请选择揭榜挂帅专项");
        db.Entry(problem).Property(p => p.Version).OriginalValue = version;
        problem.List(programme);
        await db.SaveChangesAsync(ct);
        return RecordResult<Guid>.Done(id);
    }
}
