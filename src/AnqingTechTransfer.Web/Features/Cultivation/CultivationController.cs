using System.ComponentModel.DataAnnotations;
using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Enterprises;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Domain.Regions;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Infrastructure;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Cultivation;

public class CultivationForm
{
    [Display(Name = "统一社会信用代码")]
    [Required(ErrorMessage = "请填写统一社会信用代码")]
    [StringLength(18, MinimumLength = 18, ErrorMessage = "统一社会信用代码应为18位")]
    public string CreditCode { get; set; } = string.Empty;

    [Display(Name = "企业名称")]
    [Required(ErrorMessage = "请填写企业名称")]
    [StringLength(200, ErrorMessage = "企业名称不能超过200个字符")]
    public string EnterpriseName { get; set; } = string.Empty;

    [Display(Name = "所在地区")]
    public string? RegionCode { get; set; }

    [Display(Name = "计划申报年度")]
    [Required(ErrorMessage = "请填写计划申报年度")]
    [Range(2000, 2100, ErrorMessage = "计划申报年度不在有效范围内")]
    public int? TargetYear { get; set; }

    [Display(Name = "上年营业收入（万元）")]
    [Range(0, 100_000_000, ErrorMessage = "营业收入应为不小于0的数")]
    public decimal? Revenue { get; set; }

    [Display(Name = "近三年研发费用占比（%）")]
    [Range(0, 100, ErrorMessage = "应在0到100之间")]
    public decimal? RdRatio { get; set; }

    [Display(Name = "科技人员占比（%）")]
    [Range(0, 100, ErrorMessage = "应在0到100之间")]
    public decimal? TechStaffRatio { get; set; }

    [Display(Name = "高新技术产品（服务）收入占比（%）")]
    [Range(0, 100, ErrorMessage = "应在0到100之间")]
    public decimal? HighTechRevenueRatio { get; set; }

    [Display(Name = "核心知识产权数量（件）")]
    [Range(0, 100_000, ErrorMessage = "应为不小于0的整数")]
    public int? CoreIpCount { get; set; }

    [Display(Name = "培育状态")]
    public CultivationStatus Status { get; set; } = CultivationStatus.Cultivating;

    public uint? Version { get; set; }

    public ReadinessFigures Figures => new(Revenue, RdRatio, TechStaffRatio, HighTechRevenueRatio, CoreIpCount);
}

public sealed record CultivationRow(Guid Id, string EnterpriseName, string CreditCode, string RegionCode, int TargetYear, CultivationStatus Status,
    ReadinessFigures Figures, DateTimeOffset? LastNoteAt);

/// <summary>
/// 高企培育库: the enterprises each county or park cultivates toward 高新技术企业 recognition, with the gaps still to close
/// and the follow-up notes. A county or park keeps its own list (others' entries are not found); the bureau sees all.
/// </summary>
[Authorize]
[Route("enterprises/cultivation")]
public class CultivationController(PortalDbContext db, ICurrentActor actor, Enterprises.EnterprisePermissions permissions, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, CultivationStatus? status, int? targetYear, int page = 1, CancellationToken ct = default)
    {
        if (!permissions.Cultivates)
        {
            return Forbid();
        }

        ViewData["Q"] = q;
        ViewData["Status"] = status;
        ViewData["TargetYear"] = targetYear;
        var query = db.CultivationEntries.AsNoTracking();
        if (status is { } s)
        {
            query = query.Where(e => e.Status == s);
        }

        if (targetYear is { } y)
        {
            query = query.Where(e => e.TargetYear == y);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            query = query.Where(e => EF.Functions.ILike(e.EnterpriseName, "%" + term + "%") || e.CreditCode == term.ToUpper());
        }

        return View(await query.OrderBy(e => e.Status).ThenBy(e => e.TargetYear).ThenBy(e => e.EnterpriseName).ThenBy(e => e.Id)
            .Select(e => new CultivationRow(e.Id, e.EnterpriseName, e.CreditCode, e.RegionCode, e.TargetYear, e.Status, e.Figures, e.Notes.Max(n => (DateTimeOffset?)n.At)))
            .ToPagedListAsync(page, ct: ct));
    }

    [HttpGet("new")]
    public IActionResult New() => permissions.Cultivates ? View(new CultivationForm { TargetYear = Display.Local(clock.GetUtcNow()).Year + 1, RegionCode = OwnRegion }) : Forbid();

    [HttpPost("new")]
    public async Task<IActionResult> New(CultivationForm form, CancellationToken ct)
    {
        if (!permissions.Cultivates)
        {
            return Forbid();
        }

        form.CreditCode = (form.CreditCode ?? string.Empty).Trim().ToUpperInvariant();
        form.EnterpriseName ??= string.Empty;
        // A county or park marks its own enterprises; the bureau chooses the county or park.
        var region = OwnRegion ?? form.RegionCode;
        if (region is null || !AnqingRegions.All.Any(r => r.Code == region && r.Kind != RegionKind.City))
        {
            ModelState.AddModelError(nameof(form.RegionCode), "请选择所在县（市、区）或园区");
        }

        if (ModelState.IsValid && await db.CultivationEntries.AnyAsync(e => e.CreditCode == form.CreditCode, ct))
        {
            ModelState.AddModelError(nameof(form.CreditCode), "该企业已在高企培育库中");
        }

        if (!ModelState.IsValid)
        {
            return View(form);
        }

        try
        {
            var organization = await db.Organizations.AsNoTracking().Where(o => o.CreditCode == form.CreditCode).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct);
            var entry = CultivationEntry.Mark(form.CreditCode, form.EnterpriseName, region!, organization, form.TargetYear!.Value, form.Figures, actor.DisplayName, clock.GetUtcNow());
            db.CultivationEntries.Add(entry);
            await db.SaveChangesAsync(ct);
            TempData[DomainExceptionFilter.FlashSuccess] = "已纳入高企培育库。";
            return RedirectToAction(nameof(Details), new { id = entry.Id });
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(e.Field ?? string.Empty, e.Message);
            return View(form);
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            // Marked by another county or park, whose list this one cannot see: the credit code is unique city-wide.
            ModelState.AddModelError(nameof(form.CreditCode), "该企业已由其他县（市、区）或园区纳入高企培育库");
            return View(form);
        }
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Details(Guid id, CancellationToken ct)
    {
        var entry = await db.CultivationEntries.AsNoTracking().Include(e => e.Notes).SingleOrDefaultAsync(e => e.Id == id, ct);
        return entry is null ? NotFound() : !permissions.Cultivates ? Forbid() : View(entry);
    }

    [HttpGet("{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid id, CancellationToken ct)
    {
        var entry = await db.CultivationEntries.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, ct);
        if (entry is null)
        {
            return NotFound();
        }

        return !permissions.Cultivates ? Forbid() : View(new CultivationForm
        {
            CreditCode = entry.CreditCode, EnterpriseName = entry.EnterpriseName, RegionCode = entry.RegionCode, TargetYear = entry.TargetYear,
            Revenue = entry.Figures.Revenue, RdRatio = entry.Figures.RdRatio, TechStaffRatio = entry.Figures.TechStaffRatio,
            HighTechRevenueRatio = entry.Figures.HighTechRevenueRatio, CoreIpCount = entry.Figures.CoreIpCount, Status = entry.Status, Version = entry.Version,
        });
    }

    [HttpPost("{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid id, CultivationForm form, CancellationToken ct)
    {
        var entry = await db.CultivationEntries.SingleOrDefaultAsync(e => e.Id == id, ct);
        if (entry is null)
        {
            return NotFound();
        }

        if (!permissions.Cultivates)
        {
            return Forbid();
        }

        // The enterprise itself is not edited here: only its figures, target year and status.
        (form.CreditCode, form.EnterpriseName, form.RegionCode) = (entry.CreditCode, entry.EnterpriseName, entry.RegionCode);
        ModelState.Remove(nameof(form.CreditCode));
        ModelState.Remove(nameof(form.EnterpriseName));
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        try
        {
            db.Entry(entry).Property(e => e.Version).OriginalValue = form.Version ?? 0;
            entry.Update(form.TargetYear!.Value, form.Figures, form.Status);
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(e.Field ?? string.Empty, e.Message);
            return View(form);
        }

        await db.SaveChangesAsync(ct);
        TempData[DomainExceptionFilter.FlashSuccess] = "已保存。";
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpPost("{id:guid}/notes")]
    public async Task<IActionResult> AddNote(Guid id, string? text, CancellationToken ct)
    {
        var entry = await db.CultivationEntries.Include(e => e.Notes).SingleOrDefaultAsync(e => e.Id == id, ct);
        if (entry is null)
        {
            return NotFound();
        }

        if (!permissions.Cultivates)
        {
            return Forbid();
        }

        try
        {
            db.Add(entry.AddNote(text ?? string.Empty, actor.DisplayName, clock.GetUtcNow()));
        }
        catch (DomainException e)
        {
            ModelState.AddModelError("text", e.Message);
            ViewData["NoteText"] = text;
            return View(nameof(Details), entry);
        }

        await db.SaveChangesAsync(ct);
        TempData[DomainExceptionFilter.FlashSuccess] = "已添加跟踪记录。";
        return RedirectToAction(nameof(Details), new { id });
    }

    private string? OwnRegion => actor.Scope == TenantScope.Region ? actor.RegionCode : null;
}
