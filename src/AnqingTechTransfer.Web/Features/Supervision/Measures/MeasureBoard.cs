using AnqingTechTransfer.Domain.Regions;
using AnqingTechTransfer.Domain.Supervision;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AnqingTechTransfer.Web.Features.Supervision.Measures;

public sealed record MeasureRow(PlanMeasure Measure, int Reports, int Waiting, int LateUnits, bool Mine, bool MineLate);

public sealed record UnitRow(string Unit, int Measures, int Done, int Reported, int Late);

/// <summary>A plan period on the board: its years, whether it is closed (the next one is open).</summary>
public sealed record PlanPeriodOption(int Start, int End, bool Closed)
{
    public string Label => MeasurePeriods.Label(Start, End);
}

/// <summary>What a to-do of the board opens (<see cref="SupervisionTodos"/>): the measures with reports to review, those the unit
/// has not reported for the quarter, those whose report the bureau sent back for more.</summary>
public enum BoardTodo
{
    Waiting = 1,
    Unreported = 2,
    More = 3,
}

public sealed record BoardView(IReadOnlyList<MeasureRow> Rows, IReadOnlyList<UnitRow> Units, ReportingPeriod Period, DateOnly DueOn, MeasureStatus? Status,
    bool LateOnly, bool MineOnly, string? Unit, bool IsBureau, bool IsLead, DateOnly Today, IReadOnlyList<PlanPeriodOption> Periods, PlanPeriodOption? Shown,
    BoardTodo? Todo = null)
{
    public string? TodoLabel => Todo switch
    {
        BoardTodo.Waiting => "有待审阅进展报告的任务",
        BoardTodo.Unreported => $"本单位牵头、{Period.Label}尚未报送进展的任务",
        BoardTodo.More => "本单位进展报告被要求补充的任务",
        _ => null,
    };

    /// <summary>The shown period is open but its last day has passed: the bureau is asked to open the next one.</summary>
    public bool PeriodRanOut => Shown is { Closed: false } p && Today > new DateOnly(p.End, 12, 31);
}

/// <summary>
/// The board: every measure with its reports for the quarter last ended, the late lead units standing out (the city scope),
/// the measures the user's unit leads, and the table by lead unit (the city scope); filtered by status, lateness, own and unit.
/// </summary>
public class MeasureBoardHandler(PortalDbContext db, ICurrentActor actor, SupervisionPermissions permissions, IOptions<SupervisionOptions> options,
    TimeProvider clock) : IUseCase
{
    public async Task<BoardView> HandleAsync(MeasureStatus? status, bool late, bool mine, string? unit, int? periodStart, CancellationToken ct, BoardTodo? todo = null)
    {
        var today = Display.Today(clock);
        var dueDays = options.Value.ReportDueDays;
        var period = ReportingPeriod.LastEnded(today);
        var due = period.DueOn(dueDays);
        var all = await db.PlanMeasures.AsNoTracking().ToListAsync(ct);
        // The periods, newest first; the board shows the open one unless another is asked for (a closed one is read-only).
        var periods = all.GroupBy(m => (m.PeriodStartYear, m.PeriodEndYear)).Select(g => new PlanPeriodOption(g.Key.PeriodStartYear, g.Key.PeriodEndYear, g.All(m => m.PeriodClosed)))
            .OrderByDescending(p => p.Start).ToList();
        var shown = periods.FirstOrDefault(p => p.Start == periodStart) ?? periods.FirstOrDefault(p => !p.Closed) ?? periods.FirstOrDefault();
        var measures = all.Where(m => shown is null || m.PeriodStartYear == shown.Start).OrderBy(m => PlanMeasureCatalog.OrderOf(m.Number)).ThenBy(m => m.Number).ToList();
        var code = period.Code;
        // Every lead unit's report for the quarter asked (tenant filter: the city sees all, others their own).
        var reports = await db.MeasureReports.AsNoTracking().Where(r => r.Period == code).Select(r => new { r.MeasureId, r.OrganizationId, r.RegionCode, r.Status })
            .ToListAsync(ct);
        var leaders = await LeadNamesAsync(measures, ct);
        var rows = measures.Select(m =>
        {
            var mineReports = reports.Where(r => r.MeasureId == m.Id).ToList();
            var lateUnits = MeasureLeads.Keys(m).Count(k => ReportDeadlines.IsLate(m, period, dueDays, today,
                mineReports.Any(r => r.OrganizationId == k.Organization || (k.Region is not null && r.RegionCode == k.Region))));
            var leads = permissions.Leads(m);
            var mineLate = leads && ReportDeadlines.IsLate(m, period, dueDays, today, mineReports.Any(r => r.OrganizationId == actor.OrganizationId));
            return new MeasureRow(m, mineReports.Count, mineReports.Count(r => r.Status == MeasureReportStatus.Submitted), actor.Scope == TenantScope.City ? lateUnits : 0, leads, mineLate);
        }).ToList();
        var units = leaders.SelectMany(l => l.Value.Select(u => (Unit: u, Measure: measures.Single(m => m.Id == l.Key)))).GroupBy(x => x.Unit)
            .Select(g => new UnitRow(g.Key, g.Count(), g.Count(x => x.Measure.Status == MeasureStatus.Done),
                g.Count(x => rows.Single(r => r.Measure.Id == x.Measure.Id).Reports > 0),
                g.Count(x => rows.Single(r => r.Measure.Id == x.Measure.Id).LateUnits > 0)))
            .OrderByDescending(u => u.Measures).ThenBy(u => u.Unit, StringComparer.Ordinal).ToList();
        // A to-do's list (issue 25 §2): the measures it counts, whatever the quarter of the report (tenant filter: the city all, others their own).
        var me = actor.OrganizationId;
        var waiting = todo == BoardTodo.Waiting
            ? (await db.MeasureReports.AsNoTracking().Where(r => r.Status == MeasureReportStatus.Submitted).Select(r => r.MeasureId).Distinct().ToListAsync(ct)).ToHashSet()
            : [];
        var more = todo == BoardTodo.More
            ? (await db.MeasureReports.AsNoTracking().Where(r => r.OrganizationId == me && r.Status == MeasureReportStatus.MoreRequested).Select(r => r.MeasureId).Distinct()
                .ToListAsync(ct)).ToHashSet()
            : [];
        rows = todo switch
        {
            BoardTodo.Waiting => rows.Where(r => waiting.Contains(r.Measure.Id)).ToList(),
            BoardTodo.Unreported => rows.Where(r => r.Mine && r.Measure.Status == MeasureStatus.InProgress && !r.Measure.PeriodClosed
                && !reports.Any(x => x.MeasureId == r.Measure.Id && x.OrganizationId == me)).ToList(),
            BoardTodo.More => rows.Where(r => r.Mine && more.Contains(r.Measure.Id)).ToList(),
            _ => rows,
        };
        var listed = rows.Where(r => (status is null || r.Measure.Status == status) && (!late || r.LateUnits > 0 || r.MineLate || r.Measure.IsPastDeadline(today)) && (!mine || r.Mine)
            && (unit is null || leaders[r.Measure.Id].Contains(unit))).ToList();
        return new BoardView(listed, actor.Scope == TenantScope.City ? units : [], period, due, status, late, mine, unit, permissions.Reviews, rows.Any(r => r.Mine), today,
            periods, shown, todo);
    }

    /// <summary>
    /// The measures a to-do counts, as a query (issue 26: it goes with the other to-dos in one statement): the rule of
    /// <see cref="HandleAsync"/>'s to-do filter on the period the board shows by default (the newest with a measure still
    /// open, else the newest), in SQL. The to-do tests hold its count equal to the board's rows.
    /// </summary>
    public IQueryable<PlanMeasure> TodoMeasures(BoardTodo todo)
    {
        var code = ReportingPeriod.LastEnded(Display.Today(clock)).Code;
        var me = actor.OrganizationId;
        var shown = db.PlanMeasures.Where(m => m.PeriodStartYear == (db.PlanMeasures.Where(x => !x.PeriodClosed).Max(x => (int?)x.PeriodStartYear)
            ?? db.PlanMeasures.Max(x => (int?)x.PeriodStartYear)));
        return todo switch
        {
            BoardTodo.Waiting => shown.Where(m => db.MeasureReports.Any(r => r.MeasureId == m.Id && r.Status == MeasureReportStatus.Submitted)),
            BoardTodo.Unreported => Led(shown).Where(m => m.Status == MeasureStatus.InProgress && !m.PeriodClosed
                && !db.MeasureReports.Any(r => r.MeasureId == m.Id && r.Period == code && r.OrganizationId == me)),
            BoardTodo.More => Led(shown).Where(m => db.MeasureReports.Any(r => r.MeasureId == m.Id && r.OrganizationId == me && r.Status == MeasureReportStatus.MoreRequested)),
            _ => shown.Where(m => false),
        };
    }

    /// <summary>The measures the actor's unit leads (<see cref="SupervisionPermissions.Leads"/> in SQL).</summary>
    private IQueryable<PlanMeasure> Led(IQueryable<PlanMeasure> measures)
    {
        if (!permissions.ActsAsLead || actor.OrganizationKind is not { } kind)
        {
            return measures.Where(m => false);
        }

        var me = actor.OrganizationId;
        var region = actor.RegionCode;
        var byRegion = kind is Domain.Organizations.OrganizationKind.CountyGovernment or Domain.Organizations.OrganizationKind.ParkCommittee;
        return measures.Where(m => m.LeadOrganizationIds.Contains(me) || (byRegion && m.LeadRegionCodes.Contains(region)));
    }

    private async Task<Dictionary<Guid, List<string>>> LeadNamesAsync(IReadOnlyList<PlanMeasure> measures, CancellationToken ct)
    {
        var ids = measures.SelectMany(m => m.LeadOrganizationIds).Distinct().ToList();
        // Names through the tenant filter: the by-unit table is shown to the city scope, which reads every organization.
        var names = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).Select(o => new { o.Id, o.Name }).ToListAsync(ct);
        // A measure whose lead department is not on the portal yet shows as such, for the bureau to link it.
        return measures.ToDictionary(m => m.Id, m => m.LeadOrganizationIds.Select(o => names.FirstOrDefault(n => n.Id == o)?.Name ?? "（未关联平台单位）")
            .Concat(m.LeadRegionCodes.Count == AnqingRegions.All.Count(r => r.Kind != RegionKind.City) ? ["各县（市、区）及园区"] : m.LeadRegionCodes.Select(AnqingRegions.NameOf))
            .DefaultIfEmpty("（未关联平台单位）").ToList());
    }
}
