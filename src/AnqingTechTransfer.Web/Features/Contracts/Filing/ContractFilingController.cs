using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AnqingTechTransfer.Web.Features.Contracts.Filing;

/// <summary>The seller side files a contract (技术合同登记表): a new one, or its draft or returned one; saved as a draft or submitted.</summary>
[Authorize]
[Route("contracts")]
public class ContractFilingController(ContractFormHandler forms, SaveContractHandler saving, ContractPermissions permissions, IAuthorizationService authorization)
    : Controller
{
    private const string Submitted = "合同已提交，等待登记点受理。";

    [HttpGet("new")]
    public async Task<IActionResult> New(Guid? docking, CancellationToken ct)
    {
        if (!permissions.MayFile)
        {
            return Forbid();
        }

        return Render(await forms.NewAsync(docking, ct), null);
    }

    [HttpPost("new")]
    [RequestSizeLimit(60 * 1024 * 1024)]
    public async Task<IActionResult> New(ContractForm form, CancellationToken ct)
    {
        if (!permissions.MayFile)
        {
            return Forbid();
        }

        var outcome = await saving.CreateAsync(form, ModelState.IsValid, ct);
        ModelState.AddErrors(outcome.Errors);
        if (!ModelState.IsValid || !outcome.Succeeded)
        {
            return View("Form", form);
        }

        return this.Flash(form.Intent == "submit" ? Submitted : "草稿已保存，可稍后继续填写并提交。",
            RedirectToAction("Details", "ContractDetails", new { id = outcome.Value }));
    }

    [HttpGet("{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid id, CancellationToken ct) => Render(await forms.EditAsync(id, MayAsync, ct), id);

    [HttpPost("{id:guid}/edit")]
    [RequestSizeLimit(60 * 1024 * 1024)]
    public async Task<IActionResult> Edit(Guid id, ContractForm form, CancellationToken ct)
    {
        return this.Answer(await saving.EditAsync(id, form, ModelState.IsValid, MayAsync, ct),
            _ => this.Flash(form.Intent == "submit" ? Submitted : "已保存。", RedirectToAction("Details", "ContractDetails", new { id })),
            _ => View("Form", form));
    }

    /// <summary>The form, or (a contract already in the registrar's hands) the refusal as a message on the contract's page.</summary>
    private IActionResult Render(RecordResult<ContractForm> result, Guid? id) =>
        this.Answer(result, form => View("Form", form),
            _ => this.FlashError(result.Errors[0].Message, RedirectToAction("Details", "ContractDetails", new { id })));

    private async Task<bool> MayAsync(TechContract contract, OperationAuthorizationRequirement operation) =>
        (await authorization.AuthorizeAsync(User, contract, operation)).Succeeded;
}
