using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Domain.Regions;
using AnqingTechTransfer.Domain.Supervision;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Data.Seed;

/// <summary>
/// Loads the action plan's measures (PlanMeasureCatalog, from the plan's text) after the organizations exist, and keeps
/// them complete: a lead named as a municipal department that has no organization on the portal is created (active, no
/// users: its people register later or the bureau adds them), then each measure missing by number is added with its leads
/// linked; measures already there are never overwritten (the bureau may have reassigned their leads or deadline). Runs after
/// the demo data (whose departments it must find, not duplicate), on every start: idempotent.
/// </summary>
public static class PlanMeasureSeed
{
    /// <summary>Placeholder credit codes of the lead departments created here (113408000000009xx), for the bureau admin to correct.</summary>
    public const string PlaceholderCreditCodePrefix = "113408000000009";

    public static async Task RunAsync(PortalDbContext db, DateTimeOffset now)
    {
        // The catalog is the first period's (2021–2025); once the bureau has closed it, nothing is added to it any more.
        var first = await db.PlanMeasures.Where(m => m.PeriodStartYear == PlanMeasureCatalog.FirstPeriodStart).Select(m => new { m.Number, m.PeriodClosed }).ToListAsync();
        var missing = first.Any(m => m.PeriodClosed) ? new List<MeasureSeed>() : PlanMeasureCatalog.All.Where(m => first.All(e => e.Number != m.Number)).ToList();
        var organizations = await db.Organizations.AsNoTracking()
            .Where(o => o.Kind == OrganizationKind.MunicipalBureau || o.Kind == OrganizationKind.MunicipalDepartment)
            .Select(o => new { o.Id, o.Kind, o.Name }).ToListAsync();
        var created = 0;
        foreach (var (lead, i) in PlanMeasureCatalog.Departments.Select((l, i) => (l, i)))
        {
            if (organizations.Any(o => o.Kind == OrganizationKind.MunicipalDepartment && o.Name.Contains(lead.DepartmentNameFragment!, StringComparison.Ordinal)))
            {
                continue;
            }

            var code = CreditCode.Complete(PlaceholderCreditCodePrefix + (i + 1).ToString("00"));
            if (await db.Organizations.AnyAsync(o => o.CreditCode == code))
            {
                continue;
            }

            var organization = Organization.Create(OrganizationKind.MunicipalDepartment, lead.OrganizationName!, code, AnqingRegions.City, now, OrganizationStatus.Active);
            db.Organizations.Add(organization);
            organizations.Add(new { organization.Id, organization.Kind, organization.Name });
            created++;
        }

        foreach (var seed in missing)
        {
            var ids = seed.Leads.SelectMany(l => l.Bureau
                ? organizations.Where(o => o.Kind == OrganizationKind.MunicipalBureau).Select(o => o.Id)
                : l.DepartmentNameFragment is { } f ? organizations.Where(o => o.Kind == OrganizationKind.MunicipalDepartment && o.Name.Contains(f, StringComparison.Ordinal)).Select(o => o.Id)
                : []);
            var regions = seed.Leads.SelectMany(l => l.Regions ?? []);
            db.PlanMeasures.Add(PlanMeasure.Create(seed.Number, seed.Chapter, seed.Title, seed.Content, string.Join("；", seed.Leads.Select(l => l.Display)), seed.CoUnits,
                ids, regions, PlanMeasureCatalog.PlanDeadline, now));
        }

        if (missing.Count > 0 || created > 0)
        {
            await db.SaveChangesAsync();
        }
    }
}
