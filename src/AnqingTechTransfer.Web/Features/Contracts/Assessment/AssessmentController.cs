using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AnqingTechTransfer.Web.Features.Contracts.Assessment;

/// <summary>The registrar's 技术交易额核定 on a contract under review.</summary>
[Authorize]
[Route("contracts/{id:guid}/assessment")]
public class ContractAssessmentController(AssessTechAmountHandler assessment, IAuthorizationService authorization) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Assess(Guid id, CancellationToken ct)
    {
        var result = await assessment.PageAsync(id, MayAsync, ct);
        return this.Answer(result, page => View("Assess", page),
            _ => this.FlashError(result.Errors[0].Message, RedirectToAction("Details", "ContractDetails", new { id })));
    }

    [HttpPost("")]
    public async Task<IActionResult> Assess(Guid id, AssessmentInput input, CancellationToken ct)
    {
        var result = await assessment.AssessAsync(id, input, ModelState.IsValid, MayAsync, ct);
        return this.Answer(result,
            _ => this.Flash("已核定技术交易额，登记证明和统计将使用核定后的金额。", RedirectToAction("Details", "ContractDetails", new { id })),
            page => View("Assess", page));
    }

    private async Task<bool> MayAsync(TechContract contract, OperationAuthorizationRequirement operation) =>
        (await authorization.AuthorizeAsync(User, contract, operation)).Succeeded;
}
