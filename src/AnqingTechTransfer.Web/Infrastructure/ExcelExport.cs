using Microsoft.AspNetCore.Mvc;
using MiniExcelLibs;

namespace AnqingTechTransfer.Web.Infrastructure;

/// <summary>
/// The one way list pages export to Excel: rows are flat records whose properties carry Chinese column names. Every file
/// carries who exported it and when (a sheet “导出信息”), so a copy found outside the bureau can be traced; the action
/// writes the matching audit row.
/// </summary>
public static class ExcelExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string StampSheet = "导出信息";
    /// <summary>An export is a report, not a backup: it stops here and says so in its file name.</summary>
    public const int MaxRows = 50_000;

    public static Task<FileContentResult> ToExcelAsync<T>(this ControllerBase controller, IEnumerable<T> rows, string baseName, TimeProvider clock) =>
        controller.ToExcelAsync(new Dictionary<string, object> { [baseName] = rows.Take(MaxRows) }, baseName, clock);

    /// <summary>A report of several tables, one sheet each (sheet name → rows), and the stamp.</summary>
    public static async Task<FileContentResult> ToExcelAsync(this ControllerBase controller, IReadOnlyDictionary<string, object> sheets, string baseName, TimeProvider clock)
    {
        var file = await BuildAsync(sheets, baseName, controller.User, clock);
        return controller.File(file.Bytes, ContentType, file.FileName);
    }

    /// <summary>The workbook itself, stamped with <paramref name="user"/> and the time: for a request, or for a background export run as its requester.</summary>
    public static async Task<ExcelFile> BuildAsync(IReadOnlyDictionary<string, object> sheets, string baseName, System.Security.Claims.ClaimsPrincipal user, TimeProvider clock)
    {
        var now = Features.Shared.Display.Local(clock.GetUtcNow());
        var stamp = new List<StampRow>
        {
            new("导出人", $"{user.FindFirst(Tenancy.PortalClaims.DisplayName)?.Value} ({user.Identity?.Name})"),
            new("导出时间", now.ToString("yyyy-MM-dd HH:mm:ss") + "（北京时间）"),
            new("来源", "安庆市科技成果转化应用服务平台"),
            new("用途", "仅限本单位工作使用，不得对外提供；含个人信息的列已脱敏。"),
        };
        var all = sheets.ToDictionary(s => s.Key, s => s.Value);
        all[StampSheet] = stamp;
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(all, excelType: ExcelType.XLSX);
        return new ExcelFile(stream.ToArray(), $"{baseName}-{now:yyyyMMdd-HHmm}.xlsx");
    }

    /// <summary>A day as an Excel date (a number formatted as a date, not text): issue 25 §8.</summary>
    public static DateTime? Day(DateOnly? value) => value is { } d && d != default ? d.ToDateTime(TimeOnly.MinValue) : null;

    /// <summary>The Beijing day of an instant, as an Excel date.</summary>
    public static DateTime? Day(DateTimeOffset? value) => value is { } v ? Features.Shared.Display.Local(v).Date : null;

    /// <summary>An instant in Beijing time, as an Excel date and time.</summary>
    public static DateTime Moment(DateTimeOffset value) => Features.Shared.Display.Local(value).DateTime;

    /// <summary>An amount in 万元 as a number with two decimals.</summary>
    public static decimal Amount(decimal value) => decimal.Round(value, 2);

    public static decimal? Amount(decimal? value) => value is { } v ? decimal.Round(v, 2) : null;

    /// <summary>A share (0.853) as a percentage number (85.3) for a column headed （%）.</summary>
    public static decimal? Percent(decimal? share) => share is { } s ? decimal.Round(s * 100, 1) : null;

    public sealed record ExcelFile(byte[] Bytes, string FileName);

    public sealed record StampRow([property: MiniExcelLibs.Attributes.ExcelColumnName("项目")] string Item, [property: MiniExcelLibs.Attributes.ExcelColumnName("内容")] string Value);
}
