using AnqingTechTransfer.Domain.Files;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Domain.Regions;
using AnqingTechTransfer.Domain.Supervision;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AnqingTechTransfer.Web.Features.Supervision.Measures;

public sealed record LeadStatus(string Unit, MeasureReport? Report, bool Late);

public sealed record MeasureView(PlanMeasure Measure, IReadOnlyList<MeasureReport> Reports, IReadOnlyDictionary<Guid, IReadOnlyList<Attachment>> Files,
    IReadOnlyList<LeadStatus> Leads, ReportingPeriod Period, DateOnly DueOn, bool IsBureau, bool CanReport, MeasureReport? OwnReport,
    IReadOnlyList<(Guid Id, string Name)> Departments, DateOnly Today, Guid OwnOrganizationId);

/// <summary>
/// A measure's page: its reports with their files, each lead unit's state for the quarter last ended (the city scope), the
/// report form for a lead unit while it is in progress, and the bureau's departments to assign as leads. Null: not found.
/// </summary>
public class MeasureDetailsHandler(PortalDbContext db, ICurrentActor actor, SupervisionPermissions permissions, IOptions<SupervisionOptions> options,
    TimeProvider clock) : IUseCase
{
    public async Task<MeasureView?> HandleAsync(Guid id, CancellationToken ct)
    {
        var measure = await db.PlanMeasures.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct);
        if (measure is null)
        {
            return null;
        }

        var today = Display.Today(clock);
        var period = ReportingPeriod.LastEnded(today);
        var reports = await db.MeasureReports.AsNoTracking().Where(r => r.MeasureId == id).OrderByDescending(r => r.Period).ThenBy(r => r.OrganizationName).ToListAsync(ct);
        var ids = reports.Select(r => r.Id).ToList();
        var files = (await db.Attachments.AsNoTracking().Where(a => a.OwnerType == MeasureReportAttachmentOwner.Type && ids.Contains(a.OwnerId)).ToListAsync(ct))
            .GroupBy(a => a.OwnerId).ToDictionary(g => g.Key, g => (IReadOnlyList<Attachment>)g.ToList());
        var leads = new List<LeadStatus>();
        if (actor.Scope == TenantScope.City)
        {
            var orgNames = await db.Organizations.AsNoTracking().Where(o => measure.LeadOrganizationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
            foreach (var key in MeasureLeads.Keys(measure))
            {
                var report = reports.FirstOrDefault(r => r.Period == period.Code && (r.OrganizationId == key.Organization || (key.Region is not null && r.RegionCode == key.Region)));
                var unit = key.Region is { } region ? AnqingRegions.NameOf(region) : orgNames.GetValueOrDefault(key.Organization ?? Guid.Empty, "—");
                leads.Add(new LeadStatus(unit, report, ReportDeadlines.IsLate(measure, period, options.Value.ReportDueDays, today, report is not null)));
            }
        }

        var own = reports.FirstOrDefault(r => r.OrganizationId == actor.OrganizationId && r.Period == period.Code);
        var departments = permissions.Reviews
            ? await db.Organizations.AsNoTracking().Where(o => o.Kind == OrganizationKind.MunicipalBureau || o.Kind == OrganizationKind.MunicipalDepartment)
                .OrderBy(o => o.Kind).ThenBy(o => o.Name).Select(o => new ValueTuple<Guid, string>(o.Id, o.Name)).ToListAsync(ct)
            : [];
        return new MeasureView(measure, reports, files, leads, period, period.DueOn(options.Value.ReportDueDays), permissions.Reviews,
            permissions.Leads(measure) && measure.Status == MeasureStatus.InProgress && !measure.PeriodClosed, own, departments, today, actor.OrganizationId);
    }
}
