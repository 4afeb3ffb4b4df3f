using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Projects;

/// <summary>The funding mode of an application's programme: what panels, decisions and task contracts depend on.</summary>
public static class ProgrammeModes
{
    public static async Task<FundingMode> OfAsync(PortalDbContext db, Guid programmeId, CancellationToken ct) =>
        (await db.Programmes.AsNoTracking().SingleAsync(p => p.Id == programmeId, ct)).Terms.Mode;
}
