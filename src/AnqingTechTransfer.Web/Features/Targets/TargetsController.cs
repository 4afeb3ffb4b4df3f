using System.ComponentModel.DataAnnotations;
using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Regions;
using AnqingTechTransfer.Domain.Targets;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Targets.Periods;
using AnqingTechTransfer.Web.Infrastructure;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Targets;

public class BaselineForm
{
    public Guid IndicatorId { get; set; }
    public string RegionCode { get; set; } = string.Empty;
    public int Year { get; set; }

    [Display(Name = "基数值")]
    [Required(ErrorMessage = "请填写基数值")]
    [Range(0, 1_000_000_000, ErrorMessage = "基数值应在0到10亿之间")]
    public decimal? Value { get; set; }

    [Display(Name = "数据来源（文件名称、文号或统计口径）")]
    [Required(ErrorMessage = "请填写数据来源")]
    [StringLength(200, ErrorMessage = "数据来源不能超过200个字符")]
    public string SourceDocument { get; set; } = string.Empty;

    [Display(Name = "来源链接")]
    [StringLength(500, ErrorMessage = "链接不能超过500个字符")]
    public string? SourceUrl { get; set; }

    [Display(Name = "已与官方数据核实")]
    public bool Verified { get; set; }

    public uint? Version { get; set; }
}

public class TargetValueForm
{
    public Guid IndicatorId { get; set; }
    public string RegionCode { get; set; } = string.Empty;
    public int Year { get; set; }

    [Display(Name = "目标值")]
    [Required(ErrorMessage = "请填写目标值")]
    [Range(0, 1_000_000_000, ErrorMessage = "目标值应在0到10亿之间")]
    public decimal? Value { get; set; }

    /// <summary>Entered indicators: the year's actual value and its source, on the same form.</summary>
    public bool IsActual { get; set; }

    [Display(Name = "数据来源")]
    [StringLength(200, ErrorMessage = "数据来源不能超过200个字符")]
    public string? SourceDocument { get; set; }

    public uint? Version { get; set; }
}

public class PlanPeriodForm
{
    [Display(Name = "规划期名称")]
    [Required(ErrorMessage = "请填写规划期名称")]
    [StringLength(100, ErrorMessage = "名称不能超过100个字符")]
    public string Name { get; set; } = string.Empty;

    [Display(Name = "基期年度")]
    [Required(ErrorMessage = "请填写基期年度")]
    public int? BaselineYear { get; set; }

    [Display(Name = "目标年度")]
    [Required(ErrorMessage = "请填写目标年度")]
    public int? FinalYear { get; set; }

    [Display(Name = "目标倍数（目标年度值 ÷ 基期值）")]
    [Required(ErrorMessage = "请填写目标倍数")]
    public decimal? Multiple { get; set; } = 2m;

    [Display(Name = "年度分解方式")]
    public PathShape Shape { get; set; } = PathShape.Geometric;
}

public sealed record TargetCell(Guid? Id, decimal Value, bool IsLocked, string? LockedBy, uint Version);

public sealed record TargetsView(string RegionCode, IReadOnlyList<PlanPeriod> Periods, PlanPeriod? Period, IReadOnlyList<Indicator> Indicators,
    IReadOnlyDictionary<(Guid, int), KpiBaseline> Baselines, IReadOnlyDictionary<(Guid, int), TargetCell> Targets,
    IReadOnlyDictionary<(Guid, int), KpiEnteredValue> Entered, bool CanSet, bool ChoosesRegion);

/// <summary>
/// 目标管理: indicators, baselines with their sources, plan periods and the yearly targets per scope. The bureau and the
/// organization department set and lock; counties and parks read their own.
/// </summary>
[Authorize]
[Route("targets")]
public class TargetsController(PortalDbContext db, TargetPermissions permissions, TargetPlanHandler planner, ICurrentActor actor, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? region, Guid? period, CancellationToken ct)
    {
        if (!permissions.CanView)
        {
            return Forbid();
        }

        if (permissions.Resolve(region) is not { } scope)
        {
            return NotFound();
        }

        var periods = await db.PlanPeriods.AsNoTracking().OrderBy(p => p.BaselineYear).ToListAsync(ct);
        var year = Shared.Display.Local(clock.GetUtcNow()).Year;
        var chosen = periods.FirstOrDefault(p => p.Id == period) ?? periods.FirstOrDefault(p => p.Covers(year)) ?? periods.LastOrDefault();
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.IsActive).OrderBy(i => i.SortOrder).ToListAsync(ct);
        var from = chosen?.BaselineYear ?? year;
        var to = chosen?.FinalYear ?? year;
        var baselines = await db.KpiBaselines.AsNoTracking().Where(b => b.RegionCode == scope && b.Year >= from && b.Year <= to).ToListAsync(ct);
        var targets = await db.KpiTargets.AsNoTracking().Where(t => t.RegionCode == scope && t.Year > from && t.Year <= to).ToListAsync(ct);
        var entered = await db.KpiEnteredValues.AsNoTracking().Where(e => e.RegionCode == scope && e.Year >= from && e.Year <= to).ToListAsync(ct);
        return View(new TargetsView(scope, periods, chosen, indicators,
            baselines.ToDictionary(b => (b.IndicatorId, b.Year)),
            targets.ToDictionary(t => (t.IndicatorId, t.Year), t => new TargetCell(t.Id, t.Value, t.IsLocked, t.LockedBy, t.Version)),
            entered.ToDictionary(e => (e.IndicatorId, e.Year)),
            await permissions.SetsTargetsAsync(ct), permissions.ChoosesRegion));
    }

    [HttpGet("baseline")]
    public async Task<IActionResult> Baseline(Guid indicator, string? region, int year, CancellationToken ct)
    {
        if (await GuardAsync(region, ct) is { } refused)
        {
            return refused;
        }

        var existing = await db.KpiBaselines.AsNoTracking().SingleOrDefaultAsync(b => b.IndicatorId == indicator && b.RegionCode == region && b.Year == year, ct);
        var form = existing is null
            ? new BaselineForm { IndicatorId = indicator, RegionCode = region!, Year = year }
            : new BaselineForm
            {
                IndicatorId = indicator, RegionCode = region!, Year = year, Value = existing.IsDemo ? null : existing.Value,
                SourceDocument = existing.IsDemo ? string.Empty : existing.SourceDocument, SourceUrl = existing.SourceUrl, Verified = existing.IsVerified, Version = existing.Version,
            };
        return await FormViewAsync("Baseline", form, form.IndicatorId, existing?.IsDemo == true, ct);
    }

    [HttpPost("baseline")]
    public async Task<IActionResult> Baseline(BaselineForm form, CancellationToken ct)
    {
        if (await GuardAsync(form.RegionCode, ct) is { } refused)
        {
            return refused;
        }

        if (!await db.Indicators.AnyAsync(i => i.Id == form.IndicatorId && i.IsActive, ct) || form.Year is < 2000 or > 2100)
        {
            return NotFound();
        }

        form.SourceDocument ??= string.Empty;
        if (!ModelState.IsValid)
        {
            return await FormViewAsync("Baseline", form, form.IndicatorId, false, ct);
        }

        var baseline = await db.KpiBaselines.SingleOrDefaultAsync(b => b.IndicatorId == form.IndicatorId && b.RegionCode == form.RegionCode && b.Year == form.Year, ct);
        try
        {
            if (baseline is null)
            {
                db.KpiBaselines.Add(KpiBaseline.Create(form.IndicatorId, form.RegionCode, form.Year, form.Value!.Value, form.SourceDocument, form.SourceUrl,
                    actor.DisplayName, form.Verified, false, clock.GetUtcNow()));
            }
            else
            {
                db.Entry(baseline).Property(b => b.Version).OriginalValue = form.Version ?? 0;
                baseline.Set(form.Value!.Value, form.SourceDocument, form.SourceUrl, actor.DisplayName, form.Verified, clock.GetUtcNow());
            }
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(e.Field ?? string.Empty, e.Message);
            return await FormViewAsync("Baseline", form, form.IndicatorId, false, ct);
        }

        await db.SaveChangesAsync(ct);
        TempData[DomainExceptionFilter.FlashSuccess] = "基数已保存。如需按新基数重新分解年度目标，请在规划期中点击“生成年度目标”。";
        return Redirect($"/targets?region={form.RegionCode}");
    }

    [HttpGet("value")]
    public async Task<IActionResult> Value(Guid indicator, string? region, int year, bool actual, CancellationToken ct)
    {
        if (await GuardAsync(region, ct) is { } refused)
        {
            return refused;
        }

        var form = new TargetValueForm { IndicatorId = indicator, RegionCode = region!, Year = year, IsActual = actual };
        if (actual)
        {
            var entered = await db.KpiEnteredValues.AsNoTracking().SingleOrDefaultAsync(e => e.IndicatorId == indicator && e.RegionCode == region && e.Year == year, ct);
            (form.Value, form.SourceDocument, form.Version) = (entered?.Value, entered?.SourceDocument, entered?.Version);
        }
        else
        {
            var target = await db.KpiTargets.AsNoTracking().SingleOrDefaultAsync(t => t.IndicatorId == indicator && t.RegionCode == region && t.Year == year, ct);
            if (target is { IsLocked: true })
            {
                TempData[DomainExceptionFilter.FlashError] = "目标已锁定，须先解锁才能修改。";
                return Redirect($"/targets?region={region}");
            }

            (form.Value, form.Version) = (target?.Value, target?.Version);
        }

        return await FormViewAsync("Value", form, indicator, false, ct);
    }

    [HttpPost("value")]
    public async Task<IActionResult> Value(TargetValueForm form, CancellationToken ct)
    {
        if (await GuardAsync(form.RegionCode, ct) is { } refused)
        {
            return refused;
        }

        var indicator = await db.Indicators.AsNoTracking().SingleOrDefaultAsync(i => i.Id == form.IndicatorId && i.IsActive, ct);
        if (indicator is null || form.Year is < 2000 or > 2100 || (form.IsActual && indicator.Source.IsComputed()))
        {
            return NotFound();
        }

        if (form.IsActual && string.IsNullOrWhiteSpace(form.SourceDocument))
        {
            ModelState.AddModelError(nameof(form.SourceDocument), "请填写数据来源");
        }

        if (!ModelState.IsValid)
        {
            return await FormViewAsync("Value", form, form.IndicatorId, false, ct);
        }

        var now = clock.GetUtcNow();
        try
        {
            if (form.IsActual)
            {
                var entered = await db.KpiEnteredValues.SingleOrDefaultAsync(e => e.IndicatorId == form.IndicatorId && e.RegionCode == form.RegionCode && e.Year == form.Year, ct);
                if (entered is null)
                {
                    db.KpiEnteredValues.Add(KpiEnteredValue.Create(form.IndicatorId, form.RegionCode, form.Year, form.Value!.Value, form.SourceDocument!, actor.DisplayName, now));
                }
                else
                {
                    db.Entry(entered).Property(e => e.Version).OriginalValue = form.Version ?? 0;
                    entered.Set(form.Value!.Value, form.SourceDocument!, actor.DisplayName, now);
                }
            }
            else
            {
                var target = await db.KpiTargets.SingleOrDefaultAsync(t => t.IndicatorId == form.IndicatorId && t.RegionCode == form.RegionCode && t.Year == form.Year, ct);
                if (target is null)
                {
                    db.KpiTargets.Add(KpiTarget.Create(form.IndicatorId, form.RegionCode, form.Year, form.Value!.Value, null, now));
                }
                else
                {
                    db.Entry(target).Property(t => t.Version).OriginalValue = form.Version ?? 0;
                    target.SetValue(form.Value!.Value);
                }
            }
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(e.Field ?? string.Empty, e.Message);
            return await FormViewAsync("Value", form, form.IndicatorId, false, ct);
        }

        await db.SaveChangesAsync(ct);
        TempData[DomainExceptionFilter.FlashSuccess] = form.IsActual ? "实际值已保存。" : "目标已保存。";
        return Redirect($"/targets?region={form.RegionCode}");
    }

    [HttpPost("lock")]
    public Task<IActionResult> Lock(string region, Guid period, CancellationToken ct) => LockAsync(region, period, true, ct);

    [HttpPost("unlock")]
    public Task<IActionResult> Unlock(string region, Guid period, CancellationToken ct) => LockAsync(region, period, false, ct);

    private async Task<IActionResult> LockAsync(string region, Guid periodId, bool locking, CancellationToken ct)
    {
        if (await GuardAsync(region, ct) is { } refused)
        {
            return refused;
        }

        var period = await db.PlanPeriods.AsNoTracking().SingleOrDefaultAsync(p => p.Id == periodId, ct);
        if (period is null)
        {
            return NotFound();
        }

        var targets = await db.KpiTargets.Where(t => t.RegionCode == region && t.Year > period.BaselineYear && t.Year <= period.FinalYear && t.IsLocked != locking)
            .ToListAsync(ct);
        foreach (var target in targets)
        {
            if (locking)
            {
                target.Lock(actor.DisplayName, clock.GetUtcNow());
            }
            else
            {
                target.Unlock();
            }
        }

        await db.SaveChangesAsync(ct);
        TempData[DomainExceptionFilter.FlashSuccess] = targets.Count == 0
            ? "没有需要" + (locking ? "锁定" : "解锁") + "的目标。"
            : $"已{(locking ? "锁定" : "解锁")} {AnqingRegions.NameOf(region)} {period.Name} 的 {targets.Count} 个年度目标。";
        return Redirect($"/targets?region={region}&period={period.Id}");
    }

    [HttpGet("periods/new")]
    public async Task<IActionResult> NewPeriod(CancellationToken ct) =>
        await GuardAsync(AnqingRegions.City, ct) ?? View(new PlanPeriodForm { BaselineYear = 2025, FinalYear = 2030, Name = string.Empty });

    [HttpPost("periods/new")]
    public async Task<IActionResult> NewPeriod(PlanPeriodForm form, CancellationToken ct)
    {
        if (await GuardAsync(AnqingRegions.City, ct) is { } refused)
        {
            return refused;
        }

        form.Name ??= string.Empty;
        if (ModelState.IsValid && await db.PlanPeriods.AnyAsync(p => p.BaselineYear == form.BaselineYear && p.FinalYear == form.FinalYear, ct))
        {
            ModelState.AddModelError(nameof(form.FinalYear), "已有相同起止年度的规划期");
        }

        if (!ModelState.IsValid)
        {
            return View(form);
        }

        try
        {
            var period = PlanPeriod.Create(form.Name, form.BaselineYear!.Value, form.FinalYear!.Value, form.Multiple!.Value, form.Shape, clock.GetUtcNow());
            db.PlanPeriods.Add(period);
            await db.SaveChangesAsync(ct);
            TempData[DomainExceptionFilter.FlashSuccess] = $"已新增规划期。请录入 {period.BaselineYear} 年基数后点击“生成年度目标”。";
            return Redirect($"/targets?period={period.Id}");
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(e.Field ?? string.Empty, e.Message);
            return View(form);
        }
    }

    [HttpPost("periods/{id:guid}/generate")]
    public async Task<IActionResult> Generate(Guid id, CancellationToken ct)
    {
        if (await GuardAsync(AnqingRegions.City, ct) is { } refused)
        {
            return refused;
        }

        var period = await db.PlanPeriods.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (period is null)
        {
            return NotFound();
        }

        var outcome = await planner.GenerateAsync(period, clock.GetUtcNow(), ct);
        await db.SaveChangesAsync(ct);
        TempData[DomainExceptionFilter.FlashSuccess] =
            $"已按{(period.Shape == PathShape.Geometric ? "等比" : "等差")}增长生成年度目标：新增 {outcome.Created} 个，更新 {outcome.Updated} 个，已锁定未改动 {outcome.Locked} 个。";
        return Redirect($"/targets?period={period.Id}");
    }

    /// <summary>Setting is for the bureau and the assessing department, on scopes they may open (404 otherwise).</summary>
    private async Task<IActionResult?> GuardAsync(string? region, CancellationToken ct)
    {
        if (!await permissions.SetsTargetsAsync(ct))
        {
            return Forbid();
        }

        return permissions.Resolve(region) is null || string.IsNullOrEmpty(region) ? NotFound() : null;
    }

    private async Task<IActionResult> FormViewAsync(string view, object form, Guid indicatorId, bool wasDemo, CancellationToken ct)
    {
        var indicator = await db.Indicators.AsNoTracking().SingleOrDefaultAsync(i => i.Id == indicatorId, ct);
        if (indicator is null)
        {
            return NotFound();
        }

        ViewData["Indicator"] = indicator;
        ViewData["WasDemo"] = wasDemo;
        return View(view, form);
    }
}
