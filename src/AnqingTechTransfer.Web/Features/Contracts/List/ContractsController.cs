using AnqingTechTransfer.Web.Features.Imports;
using AnqingTechTransfer.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace AnqingTechTransfer.Web.Features.Contracts.List;

/// <summary>技术合同登记: the list (and the registrar's queue) and its Excel export, at once or in the background when large.</summary>
[Authorize]
[Route("contracts")]
public class ContractsController(ContractListHandler list, TimeProvider clock, IOptions<ContractOptions> options) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] ContractFilter filter, CancellationToken ct) =>
        View(await list.PageAsync(filter, ct));

    /// <summary>The list as filtered, as Excel; a list larger than Contracts:InlineExportRows asks first to export in the background.</summary>
    [HttpGet("export")]
    public async Task<IActionResult> Export([FromQuery] ContractFilter filter, CancellationToken ct)
    {
        var count = await list.ExportCountAsync(filter, ct);
        return count > options.Value.InlineExportRows
            ? View("LargeExport", new LargeExportPage(Math.Min(count, ExcelExport.MaxRows), count > ExcelExport.MaxRows, Request.Query.Where(q => q.Key != "page")
                .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? string.Empty))).ToList()))
            : await this.ToExcelAsync(await list.ExportAsync(filter, ct), ImportNames.ContractSheet, clock);
    }

    /// <summary>Queues the export in the background and opens its page (progress, then the workbook).</summary>
    [HttpPost("export")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> QueueExport([FromForm] ContractFilter filter, [FromServices] QueueImport queue, CancellationToken ct) =>
        RedirectToAction(nameof(ImportsController.Show), "Imports", new { id = await queue.ContractExportAsync(filter, ct) });
}

/// <summary>A large export's question: how many rows, whether the export limit cuts them, and the filter to post back.</summary>
public sealed record LargeExportPage(int Rows, bool Capped, IReadOnlyList<KeyValuePair<string, string>> Filter)
{
    /// <summary>The list as it was filtered (the way back): the first value of each key.</summary>
    public IDictionary<string, string> ListRoute => Filter.GroupBy(f => f.Key).ToDictionary(g => g.Key, g => g.First().Value);
}
