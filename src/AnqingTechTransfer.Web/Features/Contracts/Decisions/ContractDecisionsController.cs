using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AnqingTechTransfer.Web.Features.Contracts.Decisions;

/// <summary>
/// The workflow's steps on a contract's page: the filer submits and declares income; the point's registrars and the bureau
/// accept, review, approve, refuse, return, cancel and confirm (变更登记 is its own use case: Changes/). Each step redirects back to the contract.
/// </summary>
[Authorize]
[Route("contracts/{id:guid}")]
public class ContractDecisionsController(ContractDecisionHandler decisions, IAuthorizationService authorization) : Controller
{
    [HttpPost("submit")]
    public Task<IActionResult> Submit(Guid id, DecisionInput input, CancellationToken ct) => DecideAsync(id, ContractDecision.Submit, input, ContractPermissions.File, ct);

    [HttpPost("accept")]
    public Task<IActionResult> Accept(Guid id, DecisionInput input, CancellationToken ct) => DecideAsync(id, ContractDecision.Accept, input, ContractPermissions.Decide, ct);

    [HttpPost("return")]
    public Task<IActionResult> Return(Guid id, DecisionInput input, CancellationToken ct) => DecideAsync(id, ContractDecision.Return, input, ContractPermissions.Decide, ct);

    [HttpPost("review")]
    public Task<IActionResult> Review(Guid id, DecisionInput input, CancellationToken ct) => DecideAsync(id, ContractDecision.Review, input, ContractPermissions.Decide, ct);

    [HttpPost("approve")]
    public Task<IActionResult> Approve(Guid id, DecisionInput input, CancellationToken ct) => DecideAsync(id, ContractDecision.Approve, input, ContractPermissions.Decide, ct);

    [HttpPost("second-review")]
    public Task<IActionResult> SecondReview(Guid id, DecisionInput input, CancellationToken ct) =>
        DecideAsync(id, ContractDecision.SecondReview, input, ContractPermissions.Decide, ct);

    [HttpPost("refuse")]
    public Task<IActionResult> Refuse(Guid id, DecisionInput input, CancellationToken ct) => DecideAsync(id, ContractDecision.Refuse, input, ContractPermissions.Decide, ct);

    [HttpPost("cancel")]
    public Task<IActionResult> Cancel(Guid id, DecisionInput input, CancellationToken ct) => DecideAsync(id, ContractDecision.Cancel, input, ContractPermissions.Decide, ct);

    [HttpPost("income")]
    public Task<IActionResult> DeclareIncome(Guid id, DecisionInput input, CancellationToken ct) =>
        DecideAsync(id, ContractDecision.DeclareIncome, input, ContractPermissions.File, ct);

    [HttpPost("income/confirm")]
    public Task<IActionResult> ConfirmIncome(Guid id, DecisionInput input, CancellationToken ct) =>
        DecideAsync(id, ContractDecision.ConfirmIncome, input, ContractPermissions.Decide, ct);

    private async Task<IActionResult> DecideAsync(Guid id, ContractDecision decision, DecisionInput input, OperationAuthorizationRequirement operation, CancellationToken ct)
    {
        return this.Answer(await decisions.DecideAsync(id, decision, input, operation, MayAsync, ct),
            message => this.Flash(message, RedirectToAction("Details", "ContractDetails", new { id })));
    }

    private async Task<bool> MayAsync(TechContract contract, OperationAuthorizationRequirement operation) =>
        (await authorization.AuthorizeAsync(User, contract, operation)).Succeeded;
}
