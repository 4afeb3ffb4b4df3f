using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Projects.Problems;

/// <summary>初审: the county or park of the problem's region recommends it to the bureau or declines it with a remark.</summary>
public class ScreenProblemHandler(PortalDbContext db, ProjectPermissions permissions) : IUseCase
{
    public async Task<RecordResult<bool>> HandleAsync(Guid id, bool pass, string? remark, uint version, CancellationToken ct)
    {
        var problem = await db.Problems.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (problem is null)
        {
            return RecordResult<bool>.NotFound;
        }

        if (!permissions.Allows(ProjectPermissions.Screen, problem))
        {
            return RecordResult<bool>.Forbidden;
        }

        db.Entry(problem).Property(p => p.Version).OriginalValue = version;
        problem.Screen(pass, remark);
        await db.SaveChangesAsync(ct);
        return RecordResult<bool>.Done(pass);
    }
}
