using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace AnqingTechTransfer.Web.Features.Supervision.OpenData;

/// <summary>
/// 开放数据: published, non-personal records as CSV (UTF-8 with BOM, for Excel) and JSON, with a stable schema documented on
/// /open-data (<see cref="OpenDatasets"/>).
/// </summary>
[AllowAnonymous]
[Route("open-data")]
public class OpenDataController : Controller
{
    [OutputCache(PolicyName = Infrastructure.PublicPageCachePolicy.Name)] // anonymous requests only
    [HttpGet("")]
    public IActionResult Index() => View(OpenDatasets.All);

    [HttpGet("{name}.{format}")]
    public async Task<IActionResult> Download([FromServices] DownloadOpenDataHandler download, string name, string format, CancellationToken ct)
    {
        if (await download.HandleAsync(name, format, ct) is not { } file)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "public, max-age=300";
        return File(file.Content, file.ContentType, file.FileName);
    }
}
