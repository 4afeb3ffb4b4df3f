using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Experts.Pool;

/// <summary>The signed-in expert's own record, if they have applied.</summary>
public sealed class OwnExpertRecordHandler(PortalDbContext db, ICurrentActor actor) : IUseCase
{
    public Task<Guid?> HandleAsync(CancellationToken ct)
    {
        var userId = actor.UserId;
        return db.Experts.Where(e => e.UserId == userId).Select(e => (Guid?)e.Id).SingleOrDefaultAsync(ct);
    }
}
