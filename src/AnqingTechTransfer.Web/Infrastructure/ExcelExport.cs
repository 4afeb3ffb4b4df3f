using Microsoft.AspNetCore.Mvc;
using MiniExcelLibs;

namespace AnqingTechTransfer.Web.Infrastructure;

/// <summary>The one way list pages export to Excel: rows are flat records whose properties carry Chinese column names.</summary>
public static class ExcelExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /// <summary>An export is a report, not a backup: it stops here and says so in its file name.</summary>
    public const int MaxRows = 50_000;

    public static async Task<FileContentResult> ToExcelAsync<T>(this ControllerBase controller, IEnumerable<T> rows, string baseName, TimeProvider clock)
    {
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows.Take(MaxRows), sheetName: baseName, excelType: ExcelType.XLSX);
        var stamp = Features.Shared.Display.Local(clock.GetUtcNow()).ToString("yyyyMMdd-HHmm");
        return controller.File(stream.ToArray(), ContentType, $"{baseName}-{stamp}.xlsx");
    }

    /// <summary>A report of several tables, one sheet each (sheet name → rows).</summary>
    public static async Task<FileContentResult> ToExcelAsync(this ControllerBase controller, IReadOnlyDictionary<string, object> sheets, string baseName, TimeProvider clock)
    {
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheets.ToDictionary(s => s.Key, s => s.Value), excelType: ExcelType.XLSX);
        var stamp = Features.Shared.Display.Local(clock.GetUtcNow()).ToString("yyyyMMdd-HHmm");
        return controller.File(stream.ToArray(), ContentType, $"{baseName}-{stamp}.xlsx");
    }
}
