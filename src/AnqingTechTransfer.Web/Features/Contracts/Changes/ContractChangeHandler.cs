using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Contracts.Filing;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Contracts.Changes;

/// <summary>
/// 变更登记 requested by the contract's filer: the filing form, prefilled with the registered terms, whose new terms are built
/// by the same path as a filing (<see cref="ContractFilingHandler.TermsAsync"/>: parties linked, counties and parks
/// attributed by the same rules), plus the reason. The registration point stays; one open request per contract.
/// </summary>
public class ContractChangeHandler(PortalDbContext db, ICurrentActor actor, ContractFilingHandler filing, ContractFormHandler forms, TimeProvider clock) : IUseCase
{
    private const string OnlyRegistered = "只有本平台已登记的合同可以申请变更登记。";
    private const string AlreadyOpen = "该合同已有待审核的变更申请，请等待登记点处理。";

    /// <summary>The form with the contract's current terms; a contract that cannot be changed now answers with the reason.</summary>
    public async Task<RecordResult<ContractForm>> FormAsync(Guid id, ContractGate may, CancellationToken ct)
    {
        var contract = await db.TechContracts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (contract is null)
        {
            return RecordResult<ContractForm>.NotFound;
        }

        if (!await may(contract, ContractPermissions.File))
        {
            return RecordResult<ContractForm>.Forbidden;
        }

        if (await RefusalAsync(contract, ct) is { } refusal)
        {
            return RecordResult<ContractForm>.Invalid([new FieldError(string.Empty, refusal)]);
        }

        // Prefilled with the terms as registered: the deductions as the registrar assessed them.
        var form = ContractForm.From(contract);
        form.Deductions = contract.RegisteredTerms.Deductions.Select(d => new DeductionRow { Item = d.Item, Amount = d.Amount }).ToList();
        return RecordResult<ContractForm>.Done(await ChoicesAsync(form, contract, ct));
    }

    /// <summary>Files the request, or the form again with each problem next to its field.</summary>
    public async Task<RecordResult<Guid>> FileAsync(Guid id, ContractForm form, bool bound, ContractGate may, CancellationToken ct)
    {
        var contract = await db.TechContracts.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (contract is null)
        {
            return RecordResult<Guid>.NotFound;
        }

        if (!await may(contract, ContractPermissions.File))
        {
            return RecordResult<Guid>.Forbidden;
        }

        form.RegistrationPointId = contract.RegistrationPointId; // a change never moves the contract to another point
        form.Intent = "submit"; // the new terms must be complete, as a submission's
        var terms = await filing.TermsAsync(form, contract, ct);
        var errors = terms.Errors.ToList();
        if (string.IsNullOrWhiteSpace(form.ChangeReason))
        {
            errors.Add(new FieldError(nameof(form.ChangeReason), "请填写变更理由"));
        }

        if (errors.Count == 0 && bound)
        {
            var hasOpen = await HasOpenAsync(contract.Id, ct);
            var filed = FieldErrors.Try(() => ContractChangeRequest.File(contract, terms.Value!, form.ChangeReason, hasOpen, clock.GetUtcNow(),
                new ContractActor(actor.UserId, actor.UserName)));
            if (filed.Succeeded)
            {
                db.ContractChangeRequests.Add(filed.Value!);
                await db.SaveChangesAsync(ct);
                return RecordResult<Guid>.Done(filed.Value!.Id);
            }

            errors.AddRange(filed.Errors);
        }

        await ChoicesAsync(form, contract, ct);
        return RecordResult<Guid>.Invalid(errors);
    }

    private async Task<string?> RefusalAsync(TechContract contract, CancellationToken ct) =>
        contract.Status != ContractStatus.Registered || contract.IsImported ? OnlyRegistered
        : await HasOpenAsync(contract.Id, ct) ? AlreadyOpen
        : null;

    private Task<bool> HasOpenAsync(Guid contractId, CancellationToken ct) =>
        db.ContractChangeRequests.AnyAsync(r => r.ContractId == contractId && r.Status == ChangeRequestStatus.Pending, ct);

    private async Task<ContractForm> ChoicesAsync(ContractForm form, TechContract contract, CancellationToken ct)
    {
        await forms.WithChoicesAsync(form, contract, ct);
        form.Choices = form.Choices with { ForChange = true };
        return form;
    }
}
