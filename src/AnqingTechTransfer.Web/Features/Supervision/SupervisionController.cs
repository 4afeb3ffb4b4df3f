using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Files;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Domain.Regions;
using AnqingTechTransfer.Domain.Supervision;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Attachments;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Infrastructure;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AnqingTechTransfer.Web.Features.Supervision;

public class SupervisionOptions
{
    public const string Section = "Supervision";

    /// <summary>Days after a quarter ends by which the lead units' progress reports are due.</summary>
    public int ReportDueDays { get; set; } = 10;
}

public sealed record MeasureRow(PlanMeasure Measure, int Reports, int Waiting, int LateUnits, bool Mine, bool MineLate);

public sealed record UnitRow(string Unit, int Measures, int Done, int Reported, int Late);

public sealed record BoardView(IReadOnlyList<MeasureRow> Rows, IReadOnlyList<UnitRow> Units, ReportingPeriod Period, DateOnly DueOn, MeasureStatus? Status,
    bool LateOnly, bool MineOnly, string? Unit, bool IsBureau, bool IsLead, DateOnly Today);

public sealed record LeadStatus(string Unit, MeasureReport? Report, bool Late);

public sealed record MeasureView(PlanMeasure Measure, IReadOnlyList<MeasureReport> Reports, IReadOnlyDictionary<Guid, IReadOnlyList<Attachment>> Files,
    IReadOnlyList<LeadStatus> Leads, ReportingPeriod Period, DateOnly DueOn, bool IsBureau, bool CanReport, MeasureReport? OwnReport,
    IReadOnlyList<(Guid Id, string Name)> Departments, DateOnly Today);

/// <summary>
/// 任务督办: the plan's measures, each led by named units that report their progress every quarter; the bureau reviews the
/// reports (accepts or asks for more), sees the board of all measures by status and unit with the late reports standing
/// out, and marks a measure done.
/// </summary>
[Authorize(Roles = $"{PortalRoles.Bureau},{PortalRoles.BureauAdmin},{PortalRoles.Department},{PortalRoles.County},{PortalRoles.Park},{PortalRoles.Leader}")]
[Route("supervision")]
public class SupervisionController(PortalDbContext db, ICurrentActor actor, SupervisionPermissions permissions, AttachmentUploader uploader,
    IOptions<SupervisionOptions> options, TimeProvider clock) : Controller
{
    public const string AttachmentOwnerType = "MeasureReport";
    private static readonly FileKind[] Documents = [FileKind.Pdf, FileKind.Jpeg, FileKind.Png, FileKind.Docx, FileKind.Xlsx];

    private DateOnly Today => Display.Today(clock);

    [HttpGet("")]
    public async Task<IActionResult> Index(MeasureStatus? status, bool late = false, bool mine = false, string? unit = null, CancellationToken ct = default)
    {
        var period = ReportingPeriod.LastEnded(Today);
        var due = period.DueOn(options.Value.ReportDueDays);
        var measures = await db.PlanMeasures.AsNoTracking().OrderBy(m => m.Number).ToListAsync(ct);
        var code = period.Code;
        // Every lead unit's report for the quarter asked (tenant filter: the city sees all, others their own).
        var reports = await db.MeasureReports.AsNoTracking().Where(r => r.Period == code).Select(r => new { r.MeasureId, r.OrganizationId, r.RegionCode, r.Status })
            .ToListAsync(ct);
        var leaders = await LeadNamesAsync(measures, ct);
        var rows = measures.Select(m =>
        {
            var mineReports = reports.Where(r => r.MeasureId == m.Id).ToList();
            var lateUnits = LeadKeys(m).Count(k => ReportDeadlines.IsLate(m, period, options.Value.ReportDueDays, Today,
                mineReports.Any(r => r.OrganizationId == k.Organization || (k.Region is not null && r.RegionCode == k.Region))));
            var mine = permissions.Leads(m);
            var mineLate = mine && ReportDeadlines.IsLate(m, period, options.Value.ReportDueDays, Today, mineReports.Any(r => r.OrganizationId == actor.OrganizationId));
            return new MeasureRow(m, mineReports.Count, mineReports.Count(r => r.Status == MeasureReportStatus.Submitted), actor.Scope == TenantScope.City ? lateUnits : 0, mine, mineLate);
        }).ToList();
        var units = leaders.SelectMany(l => l.Value.Select(u => (Unit: u, Measure: measures.Single(m => m.Id == l.Key)))).GroupBy(x => x.Unit)
            .Select(g => new UnitRow(g.Key, g.Count(), g.Count(x => x.Measure.Status == MeasureStatus.Done),
                g.Count(x => rows.Single(r => r.Measure.Id == x.Measure.Id).Reports > 0),
                g.Count(x => rows.Single(r => r.Measure.Id == x.Measure.Id).LateUnits > 0)))
            .OrderByDescending(u => u.Measures).ThenBy(u => u.Unit, StringComparer.Ordinal).ToList();
        var shown = rows.Where(r => (status is null || r.Measure.Status == status) && (!late || r.LateUnits > 0 || r.MineLate || r.Measure.IsPastDeadline(Today)) && (!mine || r.Mine)
            && (unit is null || leaders[r.Measure.Id].Contains(unit))).ToList();
        return View(new BoardView(shown, actor.Scope == TenantScope.City ? units : [], period, due, status, late, mine, unit, permissions.Reviews, rows.Any(r => r.Mine), Today));
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Details(Guid id, CancellationToken ct)
    {
        var measure = await db.PlanMeasures.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct);
        if (measure is null)
        {
            return NotFound();
        }

        var period = ReportingPeriod.LastEnded(Today);
        var reports = await db.MeasureReports.AsNoTracking().Where(r => r.MeasureId == id).OrderByDescending(r => r.Period).ThenBy(r => r.OrganizationName).ToListAsync(ct);
        var ids = reports.Select(r => r.Id).ToList();
        var files = (await db.Attachments.AsNoTracking().Where(a => a.OwnerType == AttachmentOwnerType && ids.Contains(a.OwnerId)).ToListAsync(ct))
            .GroupBy(a => a.OwnerId).ToDictionary(g => g.Key, g => (IReadOnlyList<Attachment>)g.ToList());
        var leads = new List<LeadStatus>();
        if (actor.Scope == TenantScope.City)
        {
            var orgNames = await db.Organizations.AsNoTracking().Where(o => measure.LeadOrganizationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
            foreach (var key in LeadKeys(measure))
            {
                var report = reports.FirstOrDefault(r => r.Period == period.Code && (r.OrganizationId == key.Organization || (key.Region is not null && r.RegionCode == key.Region)));
                var unit = key.Region is { } region ? AnqingRegions.NameOf(region) : orgNames.GetValueOrDefault(key.Organization ?? Guid.Empty, "—");
                leads.Add(new LeadStatus(unit, report, ReportDeadlines.IsLate(measure, period, options.Value.ReportDueDays, Today, report is not null)));
            }
        }

        var own = reports.FirstOrDefault(r => r.OrganizationId == actor.OrganizationId && r.Period == period.Code);
        var departments = permissions.Reviews
            ? await db.Organizations.AsNoTracking().Where(o => o.Kind == OrganizationKind.MunicipalBureau || o.Kind == OrganizationKind.MunicipalDepartment)
                .OrderBy(o => o.Kind).ThenBy(o => o.Name).Select(o => new ValueTuple<Guid, string>(o.Id, o.Name)).ToListAsync(ct)
            : [];
        return View(new MeasureView(measure, reports, files, leads, period, period.DueOn(options.Value.ReportDueDays), permissions.Reviews,
            permissions.Leads(measure) && measure.Status == MeasureStatus.InProgress, own, departments, Today));
    }

    [HttpPost("{id:guid}/reports")]
    [RequestSizeLimit(25L * 1024 * 1024)]
    public async Task<IActionResult> File(Guid id, string? period, string? progress, string[]? figureName, decimal?[]? figureValue, string[]? figureUnit,
        IFormFile? file, CancellationToken ct)
    {
        var measure = await db.PlanMeasures.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct);
        if (measure is null)
        {
            return NotFound();
        }

        if (!permissions.Allows(SupervisionPermissions.Report, measure))
        {
            return Forbid();
        }

        if (!ReportingPeriod.TryParse(period, out var quarter))
        {
            throw new DomainException("请选择报送的季度");
        }

        var me = actor.OrganizationId;
        var code = quarter.Code;
        if (await db.MeasureReports.AnyAsync(r => r.MeasureId == id && r.OrganizationId == me && r.Period == code, ct))
        {
            throw new DomainException($"本单位已报送{quarter.Label}的进展；如被要求补充，请在原报告上修改");
        }

        var check = file is { Length: > 0 } ? await uploader.CheckAsync(file, Documents, ct) : null;
        if (check?.Error is { } error)
        {
            throw new DomainException(error);
        }

        var name = await db.Organizations.AsNoTracking().Where(o => o.Id == me).Select(o => o.Name).SingleAsync(ct);
        var report = MeasureReport.File(measure, me, name, actor.OrganizationKind!.Value, actor.RegionCode, quarter, Today, progress ?? string.Empty,
            Figures(figureName, figureValue, figureUnit), clock.GetUtcNow());
        db.MeasureReports.Add(report);
        if (check is not null)
        {
            await uploader.AddAsync(AttachmentOwnerType, report.Id, me, actor.RegionCode, file!.FileName, check, ct);
        }

        await db.SaveChangesAsync(ct);
        TempData[DomainExceptionFilter.FlashSuccess] = $"已报送{quarter.Label}工作进展，待市科技局审阅。";
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpPost("reports/{id:guid}/revise")]
    public async Task<IActionResult> Revise(Guid id, uint version, string? progress, string[]? figureName, decimal?[]? figureValue, string[]? figureUnit, CancellationToken ct) =>
        await this.RunAsync(db, await db.MeasureReports.SingleOrDefaultAsync(r => r.Id == id, ct), permissions.Revises, version,
            r => r.Revise(progress ?? string.Empty, Figures(figureName, figureValue, figureUnit), clock.GetUtcNow()), "已修改并重新报送。", r => $"/supervision/{r.MeasureId}", ct);

    [HttpPost("reports/{id:guid}/accept")]
    public async Task<IActionResult> Accept(Guid id, uint version, string? note, CancellationToken ct) =>
        await this.RunAsync(db, await db.MeasureReports.SingleOrDefaultAsync(r => r.Id == id, ct), _ => permissions.Reviews, version,
            r => r.Accept(note, clock.GetUtcNow()), "已审阅该进展报告。", r => $"/supervision/{r.MeasureId}", ct);

    [HttpPost("reports/{id:guid}/ask")]
    public async Task<IActionResult> AskForMore(Guid id, uint version, string? note, CancellationToken ct) =>
        await this.RunAsync(db, await db.MeasureReports.SingleOrDefaultAsync(r => r.Id == id, ct), _ => permissions.Reviews, version,
            r => r.AskForMore(note ?? string.Empty, clock.GetUtcNow()), "已要求牵头单位补充。", r => $"/supervision/{r.MeasureId}", ct);

    [HttpPost("{id:guid}/done")]
    public async Task<IActionResult> Done(Guid id, uint version, string? conclusion, CancellationToken ct) =>
        await this.RunAsync(db, await db.PlanMeasures.SingleOrDefaultAsync(m => m.Id == id, ct), _ => permissions.Reviews, version,
            m => m.MarkDone(conclusion ?? string.Empty, clock.GetUtcNow()), "已标记该任务完成。", m => $"/supervision/{m.Id}", ct);

    [HttpPost("{id:guid}/reopen")]
    public async Task<IActionResult> Reopen(Guid id, uint version, string? reason, CancellationToken ct) =>
        await this.RunAsync(db, await db.PlanMeasures.SingleOrDefaultAsync(m => m.Id == id, ct), _ => permissions.Reviews, version,
            m => m.Reopen(reason ?? string.Empty), "已重新打开该任务。", m => $"/supervision/{m.Id}", ct);

    [HttpPost("{id:guid}/leads")]
    public async Task<IActionResult> AssignLeads(Guid id, uint version, Guid[]? organizations, string[]? regions, DateOnly? deadline, CancellationToken ct)
    {
        var known = AnqingRegions.All.Where(r => r.Kind != RegionKind.City).Select(r => r.Code).ToHashSet();
        var picked = (organizations ?? []).ToList();
        var valid = await db.Organizations.AsNoTracking().Where(o => picked.Contains(o.Id)
            && (o.Kind == OrganizationKind.MunicipalBureau || o.Kind == OrganizationKind.MunicipalDepartment)).Select(o => o.Id).ToListAsync(ct);
        return await this.RunAsync(db, await db.PlanMeasures.SingleOrDefaultAsync(m => m.Id == id, ct), _ => permissions.Reviews, version,
            m => m.AssignLeads(valid, (regions ?? []).Where(known.Contains), deadline ?? throw new DomainException("请填写完成期限")),
            "已更新牵头单位和完成期限。", m => $"/supervision/{m.Id}", ct);
    }

    private static List<MeasureFigure> Figures(string[]? names, decimal?[]? values, string[]? units)
    {
        var list = new List<MeasureFigure>();
        for (var i = 0; i < (names?.Length ?? 0); i++)
        {
            if (string.IsNullOrWhiteSpace(names![i]) && (values is null || i >= values.Length || values[i] is null))
            {
                continue;
            }

            var value = values is not null && i < values.Length ? values[i] : null;
            list.Add(new MeasureFigure(names[i] ?? string.Empty, value ?? throw new DomainException($"请填写“{names[i]}”的数值"),
                units is not null && i < units.Length ? units[i] ?? string.Empty : string.Empty));
        }

        return list;
    }

    /// <summary>Each unit that reports on a measure: a named organization, or the government of a named county or park.</summary>
    private static IEnumerable<(Guid? Organization, string? Region)> LeadKeys(PlanMeasure m) =>
        m.LeadOrganizationIds.Select(o => ((Guid?)o, (string?)null)).Concat(m.LeadRegionCodes.Select(r => ((Guid?)null, (string?)r)));

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

/// <summary>A progress report's files are seen by whoever sees the report (its tenant filter decides).</summary>
public class MeasureReportAttachmentOwner(PortalDbContext db) : IAttachmentOwner
{
    public string OwnerType => SupervisionController.AttachmentOwnerType;

    public Task<bool> CanSeeAsync(Guid ownerId, CancellationToken ct) => db.MeasureReports.AnyAsync(r => r.Id == ownerId, ct);
}
