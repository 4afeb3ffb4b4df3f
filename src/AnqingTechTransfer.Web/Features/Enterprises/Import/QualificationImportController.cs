using AnqingTechTransfer.Web.Authorization;
using AnqingTechTransfer.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AnqingTechTransfer.Web.Features.Enterprises.Import;

/// <summary>The bureau imports the provincial lists of 高新技术企业, 科技型中小企业 and 专精特新 enterprises (CSV or XLSX), as a background job (Features/Imports).</summary>
[Authorize(Policy = Policies.BureauStaff)]
[Route("enterprises/import")]
public class QualificationImportController(Imports.QueueImport queue) : Controller
{
    private const long MaxBytes = 50L * 1024 * 1024;

    [HttpGet("")]
    public IActionResult Index(QualificationList list = QualificationList.HighTech) => View(list);

    [HttpPost("")]
    [RequestSizeLimit(MaxBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxBytes)]
    public async Task<IActionResult> Index(QualificationList list, IFormFile? file, CancellationToken ct)
    {
        if (!Enum.IsDefined(list))
        {
            ModelState.AddModelError("list", "请选择名单类别");
            return View(QualificationList.HighTech);
        }

        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", "请选择导入文件（CSV 或 XLSX）");
            return View(list);
        }

        await using var stream = file.OpenReadStream();
        if (await TabularImport.IsExcelAsync(file, stream, ct) is not { } excel)
        {
            ModelState.AddModelError("file", "文件类型不符：请上传 UTF-8 编码的 CSV 文件或 Excel（.xlsx）文件");
            return View(list);
        }

        // The import runs as a background job; its page shows the progress, then the result.
        var id = await queue.HandleAsync(Imports.ImportNames.KindOf(list), file.FileName, excel, stream, ct);
        return RedirectToAction("Show", "Imports", new { id });
    }
}
