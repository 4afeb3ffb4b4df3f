using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Projects.Calls;

/// <summary>发布指南: the call as read (a concurrent change is refused) becomes public; a broken rule is the filter's flash.</summary>
public class PublishCallHandler(PortalDbContext db, TimeProvider clock) : IUseCase
{
    public async Task<RecordResult<Guid>> HandleAsync(Guid id, uint version, bool managesPlan, CancellationToken ct)
    {
        var call = await db.ProjectCalls.Include(c => c.Programmes).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (call is null)
        {
            return RecordResult<Guid>.NotFound;
        }

        if (!managesPlan)
        {
            return RecordResult<Guid>.Forbidden;
        }

        db.Entry(call).Property(c => c.Version).OriginalValue = version;
        call.Publish(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return RecordResult<Guid>.Done(id);
    }
}
