using AnqingTechTransfer.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AnqingTechTransfer.Web.Features.Contracts.List;

/// <summary>技术合同登记: the list (and the registrar's queue) and its Excel export.</summary>
[Authorize]
[Route("contracts")]
public class ContractsController(ContractListHandler list, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] ContractFilter filter, CancellationToken ct) =>
        View(await list.PageAsync(filter, ct));

    [HttpGet("export")]
    public async Task<IActionResult> Export([FromQuery] ContractFilter filter, CancellationToken ct) =>
        await this.ToExcelAsync(await list.ExportAsync(filter, ct), "技术合同", clock);
}
