using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Web.Features.Contracts.Filing;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AnqingTechTransfer.Web.Features.Contracts.Changes;

/// <summary>变更登记: the filer asks to change a registered contract's terms; the point's registrar approves or rejects.</summary>
[Authorize]
[Route("contracts/{id:guid}/change")]
public class ContractChangesController(ContractChangeHandler changes, ContractChangeDecisionHandler decisions, IAuthorizationService authorization) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Change(Guid id, CancellationToken ct)
    {
        var result = await changes.FormAsync(id, MayAsync, ct);
        return this.Answer(result, form => View("Change", form),
            _ => this.FlashError(result.Errors[0].Message, RedirectToAction("Details", "ContractDetails", new { id })));
    }

    [HttpPost("")]
    public async Task<IActionResult> Change(Guid id, ContractForm form, CancellationToken ct) =>
        this.Answer(await changes.FileAsync(id, form, ModelState.IsValid, MayAsync, ct),
            _ => this.Flash("变更登记申请已提交，等待登记点审核。", RedirectToAction("Details", "ContractDetails", new { id })),
            _ => View("Change", form));

    [HttpPost("approve")]
    public Task<IActionResult> Approve(Guid id, ChangeDecisionInput input, CancellationToken ct) => DecideAsync(id, true, input, ct);

    [HttpPost("reject")]
    public Task<IActionResult> Reject(Guid id, ChangeDecisionInput input, CancellationToken ct) => DecideAsync(id, false, input, ct);

    private async Task<IActionResult> DecideAsync(Guid id, bool approve, ChangeDecisionInput input, CancellationToken ct)
    {
        var result = await decisions.DecideAsync(id, approve, input, MayAsync, ct);
        return this.Answer(result, message => this.Flash(message, RedirectToAction("Details", "ContractDetails", new { id })),
            _ => this.FlashError(result.Errors[0].Message, RedirectToAction("Details", "ContractDetails", new { id })));
    }

    private async Task<bool> MayAsync(TechContract contract, OperationAuthorizationRequirement operation) =>
        (await authorization.AuthorizeAsync(User, contract, operation)).Succeeded;
}
