using System.ComponentModel.DataAnnotations;
using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Domain.Reports;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Infrastructure;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Reports;

public class TransferReportForm
{
    [Display(Name = "转化科技成果数（项）")] public int ResultsTransferred { get; set; }
    [Display(Name = "技术合同数（项）")] public int Contracts { get; set; }
    [Display(Name = "技术合同收入（万元）")] public decimal ContractIncome { get; set; }
    [Display(Name = "许可数（项）")] public int Licences { get; set; }
    [Display(Name = "许可收入（万元）")] public decimal LicenceIncome { get; set; }
    [Display(Name = "作价入股（项）")] public int EquityDeals { get; set; }
    [Display(Name = "作价入股金额（万元）")] public decimal EquityValue { get; set; }
    [Display(Name = "奖励科研人员（万元）")] public decimal ResearcherRewards { get; set; }
    [Display(Name = "衍生企业（家）")] public int SpinOffs { get; set; }
    [Display(Name = "年度转化工作情况说明")] public string? Narrative { get; set; }

    public TransferFigures Figures() => new(ResultsTransferred, Contracts, ContractIncome, Licences, LicenceIncome, EquityDeals, EquityValue, ResearcherRewards, SpinOffs);

    public static TransferReportForm From(TransferReport r) => new()
    {
        ResultsTransferred = r.Figures.ResultsTransferred, Contracts = r.Figures.Contracts, ContractIncome = r.Figures.ContractIncome, Licences = r.Figures.Licences,
        LicenceIncome = r.Figures.LicenceIncome, EquityDeals = r.Figures.EquityDeals, EquityValue = r.Figures.EquityValue, ResearcherRewards = r.Figures.ResearcherRewards,
        SpinOffs = r.Figures.SpinOffs, Narrative = r.Narrative,
    };
}

public sealed record ReportListView(PagedList<TransferReport> Reports, int? Year, TransferReportStatus? Status, bool CanFile, bool IsBureau, bool SeesSummary, int LastYear);

public sealed record ReportView(TransferReport Report, TransferReportForm Form, bool CanEdit, bool IsBureau);

public sealed record SummaryView(int Year, TransferFigures Accepted, int AcceptedCount, int SubmittedCount, IReadOnlyList<TransferReport> Reports);

/// <summary>
/// 高校院所科技成果转化年度报告: a university or institute starts its report for an ended year, pre-filled from the contracts
/// it registered on the portal as seller; completes and submits it; the bureau accepts or returns it; the city summary
/// adds the accepted reports of a year.
/// </summary>
[Route("reports")]
[Authorize(Roles = $"{PortalRoles.Bureau},{PortalRoles.BureauAdmin},{PortalRoles.University},{PortalRoles.County},{PortalRoles.Park},{PortalRoles.Leader}")]
public class ReportsController(PortalDbContext db, ICurrentActor actor, ReportPermissions permissions, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int? year, TransferReportStatus? status, int page = 1, CancellationToken ct = default)
    {
        var query = db.TransferReports.AsNoTracking();
        query = year is { } y ? query.Where(r => r.Year == y) : query;
        query = status is { } s ? query.Where(r => r.Status == s) : query;
        var reports = await query.OrderByDescending(r => r.Year).ThenBy(r => r.Status).ThenBy(r => r.OrganizationName).ThenBy(r => r.Id).ToPagedListAsync(page, ct: ct);
        return View(new ReportListView(reports, year, status, permissions.Files, permissions.Reviews, permissions.SeesSummary, Display.Today(clock).Year - 1));
    }

    [HttpPost("")]
    public async Task<IActionResult> Start(int year, CancellationToken ct)
    {
        if (!permissions.Files)
        {
            return Forbid();
        }

        TransferReport.CheckYear(year, Display.Today(clock).Year);
        var me = actor.OrganizationId;
        if (await db.TransferReports.AnyAsync(r => r.OrganizationId == me && r.Year == year, ct))
        {
            throw new DomainException($"本单位{year}年度报告已创建，请在列表中打开");
        }

        var own = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == me, ct);
        var report = TransferReport.Start(own.Id, own.Name, own.RegionCode, year, Display.Today(clock).Year, await FromPortalAsync(me, year, ct), clock.GetUtcNow());
        db.TransferReports.Add(report);
        await db.SaveChangesAsync(ct);
        TempData[DomainExceptionFilter.FlashSuccess] = "已按平台登记的技术合同预填报告，请核对补充后报送。";
        return RedirectToAction(nameof(Details), new { id = report.Id });
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Details(Guid id, CancellationToken ct)
    {
        var report = await db.TransferReports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        return report is null ? NotFound() : View(new ReportView(report, TransferReportForm.From(report), permissions.Allows(ReportPermissions.Edit, report) && report.IsEditable, permissions.Reviews));
    }

    [HttpPost("{id:guid}")]
    public async Task<IActionResult> Edit(Guid id, uint version, TransferReportForm form, bool submit, CancellationToken ct)
    {
        var report = await db.TransferReports.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (report is null)
        {
            return NotFound();
        }

        if (!permissions.Allows(ReportPermissions.Edit, report))
        {
            return Forbid();
        }

        if (!ModelState.IsValid)
        {
            return View(nameof(Details), new ReportView(report, form, true, false));
        }

        db.Entry(report).Property(r => r.Version).OriginalValue = version;
        try
        {
            report.Edit(form.Figures(), form.Narrative ?? string.Empty);
            if (submit)
            {
                report.Submit(clock.GetUtcNow());
            }
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(e.Field ?? string.Empty, e.Message);
            return View(nameof(Details), new ReportView(report, form, true, false));
        }

        await db.SaveChangesAsync(ct);
        TempData[DomainExceptionFilter.FlashSuccess] = submit ? "年度报告已报送，待市科技局审核。" : "已保存。";
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpPost("{id:guid}/accept")]
    public async Task<IActionResult> Accept(Guid id, uint version, string? note, CancellationToken ct) =>
        await this.RunAsync(db, await db.TransferReports.SingleOrDefaultAsync(r => r.Id == id, ct), _ => permissions.Reviews, version, r => r.Accept(note),
            "已审核通过，计入全市汇总。", r => $"/reports/{r.Id}", ct);

    [HttpPost("{id:guid}/return")]
    public async Task<IActionResult> Return(Guid id, uint version, string? note, CancellationToken ct) =>
        await this.RunAsync(db, await db.TransferReports.SingleOrDefaultAsync(r => r.Id == id, ct), _ => permissions.Reviews, version, r => r.Return(note ?? string.Empty),
            "已退回修改。", r => $"/reports/{r.Id}", ct);

    [HttpGet("summary")]
    public async Task<IActionResult> Summary(int? year, CancellationToken ct)
    {
        if (!permissions.SeesSummary)
        {
            return Forbid();
        }

        var y = year ?? Display.Today(clock).Year - 1;
        var reports = await db.TransferReports.AsNoTracking().Where(r => r.Year == y && r.Status != TransferReportStatus.Draft).OrderBy(r => r.OrganizationName).ToListAsync(ct);
        var accepted = reports.Where(r => r.Status == TransferReportStatus.Accepted).ToList();
        return View(new SummaryView(y, accepted.Aggregate(TransferFigures.Zero, (sum, r) => sum.Plus(r.Figures)), accepted.Count,
            reports.Count(r => r.Status == TransferReportStatus.Submitted), reports));
    }

    /// <summary>What the portal knows of a year: the registered contracts the unit sold — licences apart from the other types — and the results transferred (transfers and licences).</summary>
    private async Task<TransferFigures> FromPortalAsync(Guid organizationId, int year, CancellationToken ct)
    {
        var from = Display.StartOf(new DateOnly(year, 1, 1));
        var until = from.AddYears(1);
        var rows = await db.TechContracts.AsNoTracking()
            .Where(c => c.SellerOrganizationId == organizationId && c.Status == ContractStatus.Registered && c.RegisteredAt >= from && c.RegisteredAt < until)
            .GroupBy(c => c.Type).Select(g => new { Type = g.Key, Count = g.Count(), Amount = g.Sum(c => c.ContractAmount) }).ToListAsync(ct);
        var licences = rows.Where(r => r.Type == TechContractType.Licence).ToList();
        var others = rows.Where(r => r.Type != TechContractType.Licence).ToList();
        return new TransferFigures(rows.Where(r => r.Type is TechContractType.Transfer or TechContractType.Licence).Sum(r => r.Count), others.Sum(r => r.Count),
            others.Sum(r => r.Amount), licences.Sum(r => r.Count), licences.Sum(r => r.Amount), 0, 0, 0, 0);
    }
}
