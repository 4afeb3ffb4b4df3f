using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Domain.Supervision;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Data.Seed;

/// <summary>
/// Loads the action plan's measures (PlanMeasureCatalog, from the plan text) once, after the organizations exist: a lead
/// named as a municipal department is linked to the portal organization whose name holds the fragment, when there is one;
/// the bureau links the others at /supervision when those departments join.
/// </summary>
public static class PlanMeasureSeed
{
    public static async Task RunAsync(PortalDbContext db, DateTimeOffset now)
    {
        if (await db.PlanMeasures.AnyAsync())
        {
            return;
        }

        var organizations = await db.Organizations.AsNoTracking()
            .Where(o => o.Kind == OrganizationKind.MunicipalBureau || o.Kind == OrganizationKind.MunicipalDepartment)
            .Select(o => new { o.Id, o.Kind, o.Name }).ToListAsync();
        foreach (var seed in PlanMeasureCatalog.All)
        {
            var ids = seed.Leads.SelectMany(l => l.Bureau
                ? organizations.Where(o => o.Kind == OrganizationKind.MunicipalBureau).Select(o => o.Id)
                : l.DepartmentNameFragment is { } f ? organizations.Where(o => o.Kind == OrganizationKind.MunicipalDepartment && o.Name.Contains(f, StringComparison.Ordinal)).Select(o => o.Id)
                : []);
            var regions = seed.Leads.SelectMany(l => l.Regions ?? []);
            db.PlanMeasures.Add(PlanMeasure.Create(seed.Number, seed.Chapter, seed.Title, seed.Content, string.Join("；", seed.Leads.Select(l => l.Display)), seed.CoUnits,
                ids, regions, PlanMeasureCatalog.PlanDeadline, now));
        }

        await db.SaveChangesAsync();
    }
}
