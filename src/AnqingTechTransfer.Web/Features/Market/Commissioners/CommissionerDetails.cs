using AnqingTechTransfer.Domain.Matching;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Market.Commissioners;

public sealed record CommissionerDetailsPage(Commissioner Commissioner, bool CanEdit);

/// <summary>A commissioner with the enterprises assigned and the service logs; those who keep the record may add to both.</summary>
public sealed class CommissionerDetailsHandler(PortalDbContext db, CommissionerPermissions permissions) : IUseCase
{
    public async Task<CommissionerDetailsPage?> HandleAsync(Guid id, CancellationToken ct)
    {
        var commissioner = await db.Commissioners.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        return commissioner is null ? null : new CommissionerDetailsPage(commissioner, await permissions.AllowsAsync(CommissionerPermissions.Edit, commissioner, ct));
    }
}
