using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Contracts.Filing;

/// <summary>
/// Saves the filing form as a draft or submits it. <c>bound</c> says whether the form itself was valid as posted (its
/// annotations); the terms and the files are checked either way, so every problem shows at once. On failure the form
/// comes back with its choices, ready to render again.
/// </summary>
public class SaveContractHandler(PortalDbContext db, ICurrentActor actor, ContractFilingHandler filing, ContractFormHandler forms, TimeProvider clock) : IUseCase
{
    private ContractActor Me => new(actor.UserId, actor.UserName);

    /// <summary>The new contract's id; an accepted docking request it came from is linked to it.</summary>
    public async Task<Outcome<Guid>> CreateAsync(ContractForm form, bool bound, CancellationToken ct)
    {
        var terms = await filing.TermsAsync(form, null, ct);
        var (files, fileErrors) = await filing.CheckFilesAsync(form, ct);
        if (terms.Succeeded && form.Intent == "submit")
        {
            fileErrors.AddRange(ContractFilingHandler.MissingEvidence(terms.Value!, files.Select(f => f.Kind).ToHashSet()));
        }

        if (!terms.Succeeded || fileErrors.Count > 0 || !bound)
        {
            await forms.WithChoicesAsync(form, null, ct);
            return Outcome<Guid>.Failed([.. terms.Errors, .. fileErrors]);
        }

        var contract = TechContract.Draft(form.RegistrationPointId!.Value, actor.OrganizationId, clock.GetUtcNow(), Me, terms.Value!);
        if (form.Intent == "submit")
        {
            contract.Submit(clock.GetUtcNow(), Me, files.Select(f => f.Kind).ToHashSet());
        }

        db.TechContracts.Add(contract);
        await filing.AttachAsync(contract, files, ct);
        if (form.DockingRequestId is { } dockingId
            && await db.DockingRequests.SingleOrDefaultAsync(r => r.Id == dockingId && r.ContractId == null, ct) is { } request && request.IsParty(actor.OrganizationId))
        {
            request.LinkContract(contract.Id);
        }

        await db.SaveChangesAsync(ct);
        return Outcome<Guid>.Ok(contract.Id);
    }

    /// <summary>Saves (or submits) the filer's draft or returned contract, refused if someone changed it since the form was opened.</summary>
    public async Task<RecordResult<Guid>> EditAsync(Guid id, ContractForm form, bool bound, ContractGate may, CancellationToken ct)
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

        var terms = await filing.TermsAsync(form, contract, ct);
        var (files, fileErrors) = await filing.CheckFilesAsync(form, ct);
        var evidence = await filing.EvidenceAsync(contract.Id, files, ct);
        if (terms.Succeeded && form.Intent == "submit")
        {
            fileErrors.AddRange(ContractFilingHandler.MissingEvidence(terms.Value!, evidence));
        }

        if (!terms.Succeeded || fileErrors.Count > 0 || !bound)
        {
            await forms.WithChoicesAsync(form, contract, ct);
            return RecordResult<Guid>.Invalid([.. terms.Errors, .. fileErrors]);
        }

        db.Entry(contract).Property(c => c.Version).OriginalValue = form.Version;
        contract.Edit(terms.Value!, form.RegistrationPointId!.Value, clock.GetUtcNow());
        if (form.Intent == "submit")
        {
            contract.Submit(clock.GetUtcNow(), Me, evidence);
        }

        await filing.AttachAsync(contract, files, ct);
        await db.SaveChangesAsync(ct);
        return RecordResult<Guid>.Done(contract.Id);
    }
}
