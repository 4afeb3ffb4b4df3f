using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Domain.Matching;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Administration.CodeTables;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Contracts.Filing;

/// <summary>
/// The filing form as it opens: blank with the filer as seller, prefilled from an accepted docking request, or a saved
/// draft or returned contract; and the choices it offers (open points, code lists).
/// </summary>
public class ContractFormHandler(PortalDbContext db, ICurrentActor actor, CodeTableLookupHandler codes, TimeProvider clock) : IUseCase
{
    private static readonly string[] CodeTables =
        ["tech-field", "ip-type", "plan-source", "socio-economic-goal", "legal-person-nature", Domain.CodeTables.CodeTableCatalog.CountryRegion];

    /// <summary>A new filing; from a docking request only if the filer is its party, it is accepted and has no contract yet.</summary>
    public async Task<RecordResult<ContractForm>> NewAsync(Guid? docking, CancellationToken ct)
    {
        var own = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == actor.OrganizationId, ct);
        var form = new ContractForm { SellerName = own.Name, SellerCreditCode = own.CreditCode, SellerDivisionCode = Division(own), FilledOn = Display.Today(clock) };
        if (docking is { } dockingId)
        {
            // From an accepted docking request: the result's owner sells, the need's owner buys.
            var request = await db.DockingRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == dockingId, ct);
            if (request is null)
            {
                return RecordResult<ContractForm>.NotFound;
            }

            // The result's owner sells and so files (issue 22); the need's owner, the buyer, does not.
            if (!request.IsParty(actor.OrganizationId) || request.ResultOrganizationId != actor.OrganizationId || request.Status != DockingStatus.Accepted
                || request.ContractId is not null)
            {
                return RecordResult<ContractForm>.Forbidden;
            }

            var need = await db.TechNeeds.AsNoTracking().SingleAsync(n => n.Id == request.NeedId, ct);
            var result = await db.TechResults.AsNoTracking().SingleAsync(r => r.Id == request.ResultId, ct);
            var parties = await db.Organizations.AsNoTracking().Where(o => o.Id == request.NeedOrganizationId || o.Id == request.ResultOrganizationId).ToListAsync(ct);
            var (seller, buyer) = (parties.SingleOrDefault(o => o.Id == request.ResultOrganizationId), parties.SingleOrDefault(o => o.Id == request.NeedOrganizationId));
            var (type, subType) = DockingContract.For(need.Modes, result.Modes, result.IpKind);
            form.DockingRequestId = request.Id;
            form.ProjectName = result.Title;
            form.Type = type;
            form.SubType = subType;
            form.TechnicalFieldCode = result.FieldCode;
            (form.SellerName, form.SellerCreditCode, form.SellerDivisionCode) = (result.OrganizationName, seller?.CreditCode, seller is null ? null : Division(seller));
            (form.BuyerName, form.BuyerCreditCode, form.BuyerDivisionCode) = (need.OrganizationName, buyer?.CreditCode, buyer is null ? null : Division(buyer));
        }

        return RecordResult<ContractForm>.Done(await WithChoicesAsync(form, null, ct));
    }

    /// <summary>A draft or returned contract, for its filer; a contract in the registrar's hands is refused.</summary>
    public async Task<RecordResult<ContractForm>> EditAsync(Guid id, ContractGate may, CancellationToken ct)
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

        if (contract.Status is not (ContractStatus.Draft or ContractStatus.Returned))
        {
            return RecordResult<ContractForm>.Invalid([new FieldError(string.Empty, "该合同已提交，办理期间不能修改。")]);
        }

        var form = ContractForm.From(contract);
        form.FilledOn ??= Display.Today(clock); // a draft saved before the footer existed
        return RecordResult<ContractForm>.Done(await WithChoicesAsync(form, contract, ct));
    }

    /// <summary>Pads the deduction rows and adds the choices: open points (and the contract's own, even if closed since) and the code lists.</summary>
    public async Task<ContractForm> WithChoicesAsync(ContractForm form, TechContract? existing, CancellationToken ct)
    {
        form.PadDeductions();
        var points = await db.RegistrationPoints.AsNoTracking().Where(p => !p.IsClosed || (existing != null && p.Id == existing.RegistrationPointId))
            .OrderBy(p => p.Code).Select(p => new CodeOption(p.Id.ToString(), p.Name)).ToListAsync(ct);
        var lists = new Dictionary<string, IReadOnlyList<CodeOption>>();
        foreach (var table in CodeTables)
        {
            lists[table] = await codes.ActiveAsync(table, ct);
        }

        var attached = existing is null ? [] : (await db.Attachments.AsNoTracking()
                .Where(a => a.OwnerType == ContractFilingHandler.AttachmentOwnerType && a.OwnerId == existing.Id).OrderBy(a => a.UploadedAt)
                .Select(a => new { a.FileName, a.Purpose }).ToListAsync(ct))
            .Select(a => new AttachedFile(a.FileName, ContractEvidence.FromPurpose(a.Purpose))).ToList();
        form.Choices = new ContractFormChoices(existing, points, lists, attached);
        return form;
    }

    private static string Division(Organization o) =>
        o.RegionCode.All(char.IsAsciiDigit) ? o.RegionCode : CreditCode.RegistrationRegion(o.CreditCode);
}
