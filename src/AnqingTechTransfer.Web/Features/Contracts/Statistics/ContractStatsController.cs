using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AnqingTechTransfer.Web.Features.Contracts.Statistics;

/// <summary>Registered contracts' statistics by year (each user counts what the tenant filter lets them see).</summary>
[Authorize]
[Route("contracts")]
public class ContractStatsController(ContractStatsHandler stats) : Controller
{
    [HttpGet("stats")]
    public async Task<IActionResult> Stats(int? year, CancellationToken ct) => View(await stats.PageAsync(year, ct));
}
