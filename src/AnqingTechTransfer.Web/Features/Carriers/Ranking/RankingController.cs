using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AnqingTechTransfer.Web.Features.Carriers.Ranking;

/// <summary>
/// 技术转移机构年度排名: public once the bureau confirms it; the bureau sees the live ranking; the bureau and the agency
/// itself see the contracts behind an agency's figures.
/// </summary>
[Route("carriers/ranking")]
public class RankingController(CarrierPermissions permissions) : Controller
{
    [AllowAnonymous]
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] RankAgenciesHandler ranking, int? year, CancellationToken ct) =>
        await ranking.PageAsync(year, permissions.Decides, ct) is { } page ? View(page) : NotFound();

    [Authorize]
    [HttpPost("{year:int}/confirm")]
    public async Task<IActionResult> Confirm([FromServices] RankAgenciesHandler ranking, int year, CancellationToken ct) =>
        this.Answer(await ranking.ConfirmAsync(year, permissions.Decides, ct),
            _ => this.Flash($"{year} 年度排名已确认并公开。", RedirectToAction(nameof(Index), new { year })));

    /// <summary>The contracts behind an agency's figures, for the bureau and the agency itself.</summary>
    [Authorize]
    [HttpGet("{year:int}/agencies/{id:guid}")]
    public async Task<IActionResult> Deals([FromServices] AgencyDealsHandler deals, int year, Guid id, CancellationToken ct) =>
        this.Answer(await deals.HandleAsync(year, id, ct), page => View(page));
}
