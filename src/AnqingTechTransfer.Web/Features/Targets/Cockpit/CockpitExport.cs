using AnqingTechTransfer.Domain.Audit;
using AnqingTechTransfer.Domain.Targets;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Infrastructure;
using MiniExcelLibs.Attributes;

namespace AnqingTechTransfer.Web.Features.Targets.Cockpit;

/// <summary>The cockpit's workbook: its sheets and the file's base name.</summary>
public sealed record CockpitWorkbook(IReadOnlyDictionary<string, object> Sheets, string BaseName);

/// <summary>
/// 驾驶舱导出: the cockpit of a scope and year as a workbook (indicators, the monthly trend and, for the city, the ranking).
/// The export is audited.
/// </summary>
public class CockpitExportHandler(CockpitHandler cockpit, PortalDbContext db) : IUseCase
{
    public async Task<CockpitWorkbook> HandleAsync(string scope, int year, CancellationToken ct)
    {
        var view = await cockpit.BuildAsync(scope, year, ct);
        db.Audit("导出", AuditOutcome.Success, "Cockpit", null, $"驾驶舱 {view.RegionName} {view.Year}年");
        await db.SaveChangesAsync(ct);
        var sheets = new Dictionary<string, object>
        {
            ["指标完成情况"] = view.Indicators.Select(f => new IndicatorExportRow
            {
                Indicator = f.Indicator.Name, Unit = f.Indicator.Unit, Baseline = f.Baseline?.Value, BaselineNote = f.Baseline is { IsDemo: true } ? "示例数据" : f.Baseline?.Source ?? "未录入",
                Actual = Figure(f.Actual, f.Indicator.Unit), Target = Figure(f.Target, f.Indicator.Unit), Progress = ExcelExport.Percent(f.Progress), Elapsed = ExcelExport.Percent(view.ElapsedShare), Status = f.Status?.Name() ?? "—",
            }).ToList(),
            ["月度趋势"] = view.MonthlySinceBaseline.Select(m => new MonthExportRow { Month = $"{m.Year}-{m.Month:00}", Amount = ExcelExport.Amount(m.Amount), Absorbed = ExcelExport.Amount(m.Absorbed) }).ToList(),
        };
        if (view.AbsorbedRanking.Count > 0)
        {
            sheets["吸纳排名"] = view.AbsorbedRanking.Select(r => new RankExportRow
            {
                Rank = r.Rank, Region = r.RegionName, Absorbed = ExcelExport.Amount(r.Absorbed), Target = ExcelExport.Amount(r.Target), Progress = ExcelExport.Percent(r.Progress),
            }).ToList();
        }

        return new CockpitWorkbook(sheets, $"驾驶舱-{view.RegionName}-{view.Year}");
    }

    public sealed class IndicatorExportRow
    {
        [ExcelColumnName("指标")] public string Indicator { get; init; } = string.Empty;
        [ExcelColumnName("单位")] public string Unit { get; init; } = string.Empty;
        [ExcelColumnName("2021年基数")] public decimal? Baseline { get; init; }
        [ExcelColumnName("基数来源")] public string BaselineNote { get; init; } = string.Empty;
        [ExcelColumnName("本年实际")] public decimal? Actual { get; init; }
        [ExcelColumnName("本年目标")] public decimal? Target { get; init; }
        [ExcelColumnName("完成率（%）")] public decimal? Progress { get; init; }
        [ExcelColumnName("时间进度（%）")] public decimal? Elapsed { get; init; }
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
        [ExcelColumnName("完成率（%）")] public decimal? Progress { get; init; }
    }

    /// <summary>A figure as a number in its unit: amounts with two decimals, counts whole.</summary>
    private static decimal? Figure(decimal? value, string unit) =>
        value is not { } v ? null : decimal.Round(v, Domain.Targets.Indicator.IsCountUnit(unit) ? 0 : 2);
}
