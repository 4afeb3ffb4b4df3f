using System.Globalization;
using AnqingTechTransfer.Domain.Regions;
using AnqingTechTransfer.Domain.Targets;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Features.Targets;
using AnqingTechTransfer.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MiniExcelLibs.Attributes;

namespace AnqingTechTransfer.Web.Features.Cockpit;

/// <summary>
/// 领导驾驶舱: where the city and each county or park stand against the plan's targets. The city's view (bureau, city
/// leaders, municipal departments) may open any scope; a county's or park's science office and leaders only their own —
/// another scope is answered 404, as if it did not exist.
/// </summary>
[Authorize]
[Route("cockpit")]
public class CockpitController(CockpitHandler cockpit, TargetPermissions permissions, PortalDbContext db, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public Task<IActionResult> Index(string? region, int? year, CancellationToken ct) => RenderAsync(region, year, "Index", ct);

    [HttpGet("print")]
    public Task<IActionResult> Print(string? region, int? year, CancellationToken ct) => RenderAsync(region, year, "Print", ct);

    [HttpGet("export")]
    public async Task<IActionResult> Export(string? region, int? year, CancellationToken ct)
    {
        if (!permissions.CanView)
        {
            return Forbid();
        }

        if (permissions.Resolve(region) is not { } scope)
        {
            return NotFound();
        }

        var view = await cockpit.BuildAsync(scope, ChosenYear(year), ct);
        db.Audit("导出", Domain.Audit.AuditOutcome.Success, "Cockpit", null, $"驾驶舱 {view.RegionName} {view.Year}年");
        await db.SaveChangesAsync(ct);
        var sheets = new Dictionary<string, object>
        {
            ["指标完成情况"] = view.Indicators.Select(f => new IndicatorExportRow
            {
                Indicator = f.Indicator.Name, Unit = f.Indicator.Unit, Baseline = f.Baseline?.Value, BaselineNote = f.Baseline is { IsDemo: true } ? "示例数据" : f.Baseline?.Source ?? "未录入",
                Actual = f.Actual, Target = f.Target, Progress = Percent(f.Progress), Elapsed = Percent(view.ElapsedShare), Status = f.Status?.Name() ?? "—",
            }).ToList(),
            ["月度趋势"] = view.MonthlySinceBaseline.Select(m => new MonthExportRow { Month = $"{m.Year}-{m.Month:00}", Amount = m.Amount, Absorbed = m.Absorbed }).ToList(),
        };
        if (view.AbsorbedRanking.Count > 0)
        {
            sheets["吸纳排名"] = view.AbsorbedRanking.Select(r => new RankExportRow { Rank = r.Rank, Region = r.RegionName, Absorbed = r.Absorbed, Target = r.Target, Progress = Percent(r.Progress) }).ToList();
        }

        return await this.ToExcelAsync(sheets, $"驾驶舱-{view.RegionName}-{view.Year}", clock);
    }

    private async Task<IActionResult> RenderAsync(string? region, int? year, string viewName, CancellationToken ct)
    {
        if (!permissions.CanView)
        {
            return Forbid();
        }

        if (permissions.Resolve(region) is not { } scope)
        {
            return NotFound();
        }

        ViewData["SeesCity"] = permissions.SeesCity;
        ViewData["CanSetTargets"] = await permissions.SetsTargetsAsync(ct);
        return View(viewName, await cockpit.BuildAsync(scope, ChosenYear(year), ct));
    }

    private int ChosenYear(int? year)
    {
        var current = Display.Local(clock.GetUtcNow()).Year;
        return year is { } y && y >= CockpitHandler.BaselineYear && y <= current ? y : current;
    }

    public static string Percent(decimal? share) => share is null ? "—" : (share.Value * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    public sealed class IndicatorExportRow
    {
        [ExcelColumnName("指标")] public string Indicator { get; init; } = string.Empty;
        [ExcelColumnName("单位")] public string Unit { get; init; } = string.Empty;
        [ExcelColumnName("2021年基数")] public decimal? Baseline { get; init; }
        [ExcelColumnName("基数来源")] public string BaselineNote { get; init; } = string.Empty;
        [ExcelColumnName("本年实际")] public decimal? Actual { get; init; }
        [ExcelColumnName("本年目标")] public decimal? Target { get; init; }
        [ExcelColumnName("完成率")] public string Progress { get; init; } = string.Empty;
        [ExcelColumnName("时间进度")] public string Elapsed { get; init; } = string.Empty;
        [ExcelColumnName("状态")] public string Status { get; init; } = string.Empty;
    }

    public sealed class MonthExportRow
    {
        [ExcelColumnName("月份")] public string Month { get; init; } = string.Empty;
        [ExcelColumnName("技术合同成交额（万元）")] public decimal Amount { get; init; }
        [ExcelColumnName("吸纳成交额（万元）")] public decimal Absorbed { get; init; }
    }

    public sealed class RankExportRow
    {
        [ExcelColumnName("名次")] public int Rank { get; init; }
        [ExcelColumnName("地区")] public string Region { get; init; } = string.Empty;
        [ExcelColumnName("吸纳成交额（万元）")] public decimal Absorbed { get; init; }
        [ExcelColumnName("吸纳目标（万元）")] public decimal? Target { get; init; }
        [ExcelColumnName("完成率")] public string Progress { get; init; } = string.Empty;
    }
}
