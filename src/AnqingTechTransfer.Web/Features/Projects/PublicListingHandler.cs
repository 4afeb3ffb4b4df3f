using AnqingTechTransfer.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Projects;

/// <summary>
/// The publicity list (立项公示) is public by law: anyone may read the titles, units and amounts of the applications on it,
/// whatever their tenancy. This reads exactly those three fields (and the id, to show each one's publicity decision) of exactly the listed applications, and nothing else.
/// </summary>
public static class PublicListingHandler
{
    public static async Task<IReadOnlyList<(Guid Id, string Title, string Applicant, decimal? Amount)>> ListAsync(PortalDbContext db, IReadOnlyList<Guid> ids,
        CancellationToken ct) =>
        (await db.ProjectApplications.IgnoreQueryFilters([PortalDbContext.TenantFilter]).AsNoTracking().Where(a => ids.Contains(a.Id))
            .OrderBy(a => a.ApplicantName).Select(a => new { a.Id, a.Title, a.ApplicantName, a.ApprovedAmount }).ToListAsync(ct))
        .Select(a => (a.Id, a.Title, a.ApplicantName, a.ApprovedAmount)).ToList();
}
