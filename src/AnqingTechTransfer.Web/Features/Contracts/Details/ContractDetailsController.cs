using AnqingTechTransfer.Domain.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AnqingTechTransfer.Web.Features.Contracts.Details;

/// <summary>A contract's page: its terms, history and files, and the filer's and registrar's actions on it.</summary>
[Authorize]
[Route("contracts")]
public class ContractDetailsController(ContractDetailsHandler details, IAuthorizationService authorization) : Controller
{
    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Details(Guid id, CancellationToken ct) =>
        await details.PageAsync(id, MayAsync, ct) is { } page ? View(page) : NotFound();

    private async Task<bool> MayAsync(TechContract contract, OperationAuthorizationRequirement operation) =>
        (await authorization.AuthorizeAsync(User, contract, operation)).Succeeded;
}
