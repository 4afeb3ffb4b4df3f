using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Domain.Reports;
using AnqingTechTransfer.Domain.Supervision;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Features.Workspace;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Supervision;

/// <summary>Lead units: measures whose last quarter is not yet reported, and reports sent back; the bureau: reports to review.</summary>
public class SupervisionTodos(PortalDbContext db, ICurrentActor actor, SupervisionPermissions permissions, Reports.ReportPermissions reports, TimeProvider clock)
    : ITodoSource
{
    public async Task<IReadOnlyList<TodoItem>> GetAsync(CancellationToken ct)
    {
        var items = new List<TodoItem>();
        if (permissions.Reviews)
        {
            items.Add(new TodoItem("任务督办", "待审阅的任务进展报告", await db.MeasureReports.CountAsync(r => r.Status == MeasureReportStatus.Submitted, ct), "/supervision"));
        }

        if (reports.Reviews)
        {
            items.Add(new TodoItem("成果转化年度报告", "待审核的高校院所年度报告", await db.TransferReports.CountAsync(r => r.Status == TransferReportStatus.Submitted, ct),
                "/reports?status=Submitted"));
        }

        if (permissions.ActsAsLead && actor.OrganizationKind is { } kind)
        {
            var me = actor.OrganizationId;
            var region = actor.RegionCode;
            var period = ReportingPeriod.LastEnded(Display.Today(clock)).Code;
            var regional = kind is OrganizationKind.CountyGovernment or OrganizationKind.ParkCommittee;
            var led = await db.PlanMeasures.AsNoTracking()
                .Where(m => m.Status == MeasureStatus.InProgress && !m.PeriodClosed && (m.LeadOrganizationIds.Contains(me) || (regional && m.LeadRegionCodes.Contains(region))))
                .Select(m => m.Id).ToListAsync(ct);
            var reported = await db.MeasureReports.AsNoTracking().Where(r => r.OrganizationId == me && r.Period == period).Select(r => r.MeasureId).ToListAsync(ct);
            items.Add(new TodoItem("任务督办", "本季度待报送进展的任务", led.Except(reported).Count(), "/supervision?mine=true"));
            items.Add(new TodoItem("任务督办", "需补充的进展报告",
                await db.MeasureReports.CountAsync(r => r.OrganizationId == me && r.Status == MeasureReportStatus.MoreRequested, ct), "/supervision?mine=true"));
        }

        return items;
    }
}
