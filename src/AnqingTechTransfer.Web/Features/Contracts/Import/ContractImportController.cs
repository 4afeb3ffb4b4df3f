using AnqingTechTransfer.Web.Authorization;
using AnqingTechTransfer.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AnqingTechTransfer.Web.Features.Contracts.Import;

/// <summary>The bureau imports 吸纳 contracts registered elsewhere from the provincial system's export (CSV or XLSX), as a background job (Features/Imports).</summary>
[Authorize(Policy = Policies.BureauStaff)]
[Route("contracts/import")]
public class ContractImportController(Imports.QueueImport queue) : Controller
{
    private const long MaxBytes = 200L * 1024 * 1024;

    [HttpGet("")]
    public IActionResult Index() => View();

    [HttpPost("")]
    [RequestSizeLimit(MaxBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxBytes)]
    public async Task<IActionResult> Index(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", "请选择导入文件（CSV 或 XLSX）");
            return View();
        }

        await using var stream = file.OpenReadStream();
        if (await TabularImport.IsExcelAsync(file, stream, ct) is not { } isZip)
        {
            ModelState.AddModelError("file", "文件类型不符：请上传 UTF-8 编码的 CSV 文件或 Excel（.xlsx）文件");
            return View();
        }

        // The import runs as a background job; its page shows the progress, then the result.
        var id = await queue.HandleAsync(Domain.Imports.ImportKind.AbsorbedContracts, file.FileName, isZip, stream, ct);
        return RedirectToAction("Show", "Imports", new { id });
    }
}
