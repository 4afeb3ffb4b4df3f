using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.TransferIndex;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace AnqingTechTransfer.Web.Features.Supervision.TransferIndex;

/// <summary>
/// 科技成果转化指数: the bureau previews the index of a year or quarter, computed live from every module, and publishes it,
/// which freezes its values; the public page shows the published series with the method stated.
/// </summary>
[Route("index")]
public class TransferIndexController(TransferIndexPermissions permissions) : Controller
{
    [OutputCache(PolicyName = Infrastructure.PublicPageCachePolicy.Name)] // anonymous requests only
    [AllowAnonymous]
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] IndexPageHandler page, string? period, CancellationToken ct) =>
        View(await page.HandleAsync(period, permissions.Publishes, ct));

    [Authorize(Roles = PortalRoles.Bureau)]
    [HttpGet("preview")]
    public async Task<IActionResult> Preview([FromServices] PreviewIndexHandler preview, string? period, IndexNormalisation? normalisation, CancellationToken ct) =>
        permissions.Publishes ? View(await preview.HandleAsync(period, normalisation, ct)) : Forbid();

    [Authorize(Roles = PortalRoles.Bureau)]
    [HttpPost("publish")]
    public async Task<IActionResult> Publish([FromServices] PublishIndexHandler publish, string? period, IndexNormalisation? normalisation, string? correctionReason,
        CancellationToken ct)
    {
        if (!permissions.Publishes)
        {
            return Forbid();
        }

        var published = await publish.HandleAsync(period, normalisation, correctionReason, ct);
        return this.Flash($"已发布{published.Label}科技成果转化指数。", RedirectToAction(nameof(Index), new { period = published.Code }));
    }
}
