using System.Globalization;
using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Contracts;
using AnqingTechTransfer.Web.Infrastructure;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Projects;

public sealed record AwardedRow(Guid Id, string Title, string RegionCode, decimal Award, decimal Disbursed, ProjectStatus Status, int Overdue, DateOnly EndsOn, bool ReportOverdue);

/// <summary>The acceptance panel as the project page shows it: where it stands and, once signed, its score.</summary>
public sealed record AcceptancePanelState(Guid Id, Domain.Experts.PanelStatus Status, decimal? Result);

public sealed record AwardedView(Project Project, string Applicant, bool IsBureau, bool IsOwner, DateOnly Today, AcceptancePanelState? Panel, bool MaySign);

public sealed record FundFigure(string Key, decimal Awarded, decimal Disbursed);

public sealed record FiguresView(IReadOnlyList<(int Year, string Programme, int Led, int Total, decimal? Share, bool Below)> Lead, IReadOnlyList<FundFigure> ByProgramme,
    IReadOnlyList<FundFigure> ByMode, IReadOnlyList<FundFigure> ByRegion);

/// <summary>
/// 项目管理: the task contract of an awarded project with its tranches, disbursements, progress reports, change requests
/// and acceptance; overdue milestones stand out; and the plan's figures (the enterprise-led share, funds by programme, mode
/// and county or park).
/// </summary>
[Authorize]
[Route("projects")]
public class AwardedController(PortalDbContext db, ICurrentActor actor, ProjectPermissions permissions, ContractCalendarHandler calendar, ProjectPanelHandler panels, TimeProvider clock) : Controller
{
    [HttpPost("applications/{id:guid}/contract")]
    public async Task<IActionResult> Contract(Guid id, DateOnly? startsOn, DateOnly? endsOn, string? tranches, CancellationToken ct)
    {
        var application = await db.ProjectApplications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (application is null)
        {
            return NotFound();
        }

        if (!permissions.ManagesPlan)
        {
            return Forbid();
        }

        var plan = (tranches ?? string.Empty).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select((l, i) =>
        {
            var p = l.Replace('，', ',').Split(',', StringSplitOptions.TrimEntries);
            return p.Length == 4 && int.TryParse(p[0], out var n) && decimal.TryParse(p[1], NumberStyles.Number, CultureInfo.InvariantCulture, out var amount)
                && DateOnly.TryParseExact(p[3], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var on)
                ? new Tranche(n, amount, p[2], on)
                : throw new DomainException($"拨款计划第{i + 1}行应为“期次,金额,拨付条件,计划日期”");
        }).ToList();
        var mode = (await db.Programmes.AsNoTracking().SingleAsync(p => p.Id == application.ProgrammeId, ct)).Terms.Mode;
        var project = Project.FromAward(application, startsOn ?? calendar.Today, endsOn ?? calendar.Today.AddYears(2), plan, clock.GetUtcNow(), mode);
        db.Projects.Add(project);
        await db.SaveChangesAsync(ct);
        TempData[DomainExceptionFilter.FlashSuccess] = "任务书已签订。";
        return RedirectToAction(nameof(Details), new { id = project.Id });
    }

    [HttpGet("awarded")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        if (!permissions.ReadsAwarded)
        {
            return Forbid();
        }

        var today = calendar.Today;
        var projects = await db.Projects.AsNoTracking().OrderBy(p => p.Status).ThenBy(p => p.EndsOn).Take(500).ToListAsync(ct);
        return View(projects.Select(p => new AwardedRow(p.Id, p.Title, p.RegionCode, p.Award, p.Disbursed, p.Status, p.Overdue(today).Count, p.EndsOn,
                p.IsReportOverdue(today)))
            .OrderByDescending(r => r.Overdue + (r.ReportOverdue ? 1 : 0)).ToList());
    }

    [HttpGet("awarded/{id:guid}")]
    public async Task<IActionResult> Details(Guid id, CancellationToken ct)
    {
        var project = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (project is null)
        {
            return NotFound();
        }

        var applicant = await db.ProjectApplications.AsNoTracking().Where(a => a.Id == project.ApplicationId).Select(a => a.ApplicantName).SingleOrDefaultAsync(ct) ?? string.Empty;
        var panel = project.AcceptancePanelId is null || !permissions.ManagesPlan
            ? null
            : await db.ReviewPanels.AsNoTracking().Where(p => p.Id == project.AcceptancePanelId).Select(p => new AcceptancePanelState(p.Id, p.Status, p.Result))
                .SingleOrDefaultAsync(ct);
        var isOwner = permissions.Allows(ProjectPermissions.Carry, project);
        return View(new AwardedView(project, applicant, permissions.ManagesPlan, isOwner, calendar.Today, panel,
            !isOwner && permissions.Allows(ProjectPermissions.Sign, project)));
    }

    [HttpPost("awarded/{id:guid}/disburse")]
    public Task<IActionResult> Disburse(Guid id, int tranche, decimal amount, DateOnly? paidOn, string? reference, CancellationToken ct) =>
        ActAsync(id, bureau: true, p => p.Disburse(tranche, amount, paidOn ?? calendar.Today, reference ?? string.Empty), "已登记拨款。", ct);

    [HttpPost("awarded/{id:guid}/sign")]
    public async Task<IActionResult> Sign(Guid id, CancellationToken ct)
    {
        var project = await db.Projects.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (project is null)
        {
            return NotFound();
        }

        if (!permissions.Allows(ProjectPermissions.Sign, project))
        {
            return Forbid();
        }

        project.SignAsPoster(actor.OrganizationId, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        TempData[DomainExceptionFilter.FlashSuccess] = "已签署三方协议。";
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpPost("awarded/{id:guid}/reports")]
    public Task<IActionResult> Report(Guid id, string? text, CancellationToken ct) =>
        ActAsync(id, bureau: false, p => p.Report(text ?? string.Empty, calendar.Today, clock.GetUtcNow()), "进展报告已提交。", ct);

    [HttpPost("awarded/{id:guid}/changes")]
    public Task<IActionResult> RequestChange(Guid id, ChangeKind kind, string? description, DateOnly? newEndDate, CancellationToken ct) =>
        ActAsync(id, bureau: false, p => p.RequestChange(kind, description ?? string.Empty, newEndDate, clock.GetUtcNow()), "变更申请已提交，待市科技局审批。", ct);

    [HttpPost("awarded/{id:guid}/changes/{changeId:guid}")]
    public Task<IActionResult> DecideChange(Guid id, Guid changeId, bool approve, string? reply, CancellationToken ct) =>
        ActAsync(id, bureau: true, p => p.DecideChange(changeId, approve, reply ?? string.Empty), "已审批变更申请。", ct);

    /// <summary>验收专家组: a panel drawn from the expert pool scores the results against the task contract.</summary>
    [HttpPost("awarded/{id:guid}/acceptance-panel")]
    public async Task<IActionResult> AcceptancePanel(Guid id, CancellationToken ct)
    {
        var project = await db.Projects.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (project is null)
        {
            return NotFound();
        }

        if (!permissions.ManagesPlan)
        {
            return Forbid();
        }

        var application = await db.ProjectApplications.AsNoTracking().SingleAsync(a => a.Id == project.ApplicationId, ct);
        var panel = await panels.CreateAsync(ReviewStage.Acceptance, application, ct);
        project.AssignAcceptancePanel(panel.Id);
        await db.SaveChangesAsync(ct);
        TempData[DomainExceptionFilter.FlashSuccess] = "已建立验收专家组，请抽取专家。";
        return Redirect($"/panels/{panel.Id}");
    }

    [HttpPost("awarded/{id:guid}/accept")]
    public async Task<IActionResult> Accept(Guid id, ProjectStatus conclusion, string? opinion, CancellationToken ct)
    {
        var project = await db.Projects.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (project is null)
        {
            return NotFound();
        }

        if (!permissions.ManagesPlan)
        {
            return Forbid();
        }

        if (project.AcceptancePanelId is null)
        {
            throw new DomainException("请先组织验收专家组");
        }

        project.Accept(conclusion, opinion ?? string.Empty, await panels.ResultAsync(project.AcceptancePanelId, ct));
        await db.SaveChangesAsync(ct);
        TempData[DomainExceptionFilter.FlashSuccess] = conclusion == ProjectStatus.Failed
            ? $"验收结论：不通过。承担单位 {FormalCheck.SanctionYears} 年内不得申报。"
            : "验收结论已记录。";
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpGet("figures")]
    public async Task<IActionResult> Figures(CancellationToken ct)
    {
        if (!permissions.ReadsFigures)
        {
            return Forbid();
        }

        var programmes = await db.Programmes.AsNoTracking().Join(db.ProjectCalls.AsNoTracking(), p => p.CallId, c => c.Id, (p, c) => new { p.Id, p.Terms, c.Year })
            .ToListAsync(ct);
        var awarded = await db.ProjectApplications.AsNoTracking().Where(a => a.Status == ApplicationStatus.Awarded)
            .Select(a => new { a.Id, a.ProgrammeId, a.EnterpriseLed, a.RegionCode, a.ApprovedAmount }).ToListAsync(ct);
        var disbursed = (await db.Projects.AsNoTracking().Select(p => new { p.ApplicationId, p.Disbursements }).ToListAsync(ct))
            .ToDictionary(p => p.ApplicationId, p => p.Disbursements.Sum(d => d.Amount));
        var rows = awarded.Join(programmes, a => a.ProgrammeId, p => p.Id, (a, p) => new
        {
            p.Year, Programme = p.Terms.Name, p.Terms.Mode, p.Terms.IsTackling, a.EnterpriseLed, a.RegionCode, Amount = a.ApprovedAmount ?? 0,
            Paid = disbursed.GetValueOrDefault(a.Id),
        }).ToList();
        var lead = rows.GroupBy(r => (r.Year, r.Programme)).OrderByDescending(g => g.Key.Year).ThenBy(g => g.Key.Programme).Select(g =>
        {
            var (led, total, share, below) = EnterpriseLead.Share(g.Select(r => (r.EnterpriseLed, r.IsTackling)));
            return (g.Key.Year, g.Key.Programme, led, total, share, below);
        }).Concat(rows.GroupBy(r => r.Year).Select(g =>
        {
            var (led, total, share, below) = EnterpriseLead.Share(g.Select(r => (r.EnterpriseLed, r.IsTackling)));
            return (g.Key, "全部攻关类项目", led, total, share, below);
        })).ToList();
        return View(new FiguresView(lead,
            rows.GroupBy(r => r.Programme).Select(g => new FundFigure(g.Key, g.Sum(r => r.Amount), g.Sum(r => r.Paid))).ToList(),
            rows.GroupBy(r => r.Mode).Select(g => new FundFigure(g.Key.Name(), g.Sum(r => r.Amount), g.Sum(r => r.Paid))).ToList(),
            rows.GroupBy(r => r.RegionCode).Select(g => new FundFigure(Domain.Regions.AnqingRegions.NameOf(g.Key), g.Sum(r => r.Amount), g.Sum(r => r.Paid))).ToList()));
    }

    private async Task<IActionResult> ActAsync(Guid id, bool bureau, Action<Project> act, string done, CancellationToken ct)
    {
        var project = await db.Projects.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (project is null)
        {
            return NotFound();
        }

        if (bureau ? !permissions.ManagesPlan : !permissions.Allows(ProjectPermissions.Carry, project))
        {
            return Forbid();
        }

        act(project);
        await db.SaveChangesAsync(ct);
        TempData[DomainExceptionFilter.FlashSuccess] = done;
        return RedirectToAction(nameof(Details), new { id });
    }
}

public static class AwardedNames
{
    public static string Name(ProjectStatus status) => status switch
    {
        ProjectStatus.Running => "实施中",
        ProjectStatus.Passed => "验收通过",
        ProjectStatus.Concluded => "结题",
        ProjectStatus.Failed => "验收不通过",
        _ => status.ToString(),
    };

    public static string Name(ChangeKind kind) => kind switch
    {
        ChangeKind.Leader => "变更项目负责人",
        ChangeKind.Content => "调整研究内容",
        ChangeKind.Extension => "延期",
        _ => kind.ToString(),
    };
}
