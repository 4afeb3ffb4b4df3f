using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.CodeTables;
using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Domain.Files;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Domain.Regions;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Attachments;
using AnqingTechTransfer.Web.Features.Administration.CodeTables;
using AnqingTechTransfer.Web.Features.Contracts.Filing;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Contracts;

/// <summary>
/// Turns the filer's form into contract terms: links parties on the portal, attributes counties and parks, checks codes and
/// files. A service of the filing use case (<see cref="Filing.SaveContractHandler"/>), not a use case itself.
/// </summary>
public class ContractFilingHandler(PortalDbContext db, ICurrentActor actor, CodeTableLookupHandler codes, AttachmentUploader uploader, TimeProvider clock)
{
    public const string AttachmentOwnerType = "TechContract";
    public static readonly FileKind[] FileKinds = [FileKind.Pdf, FileKind.Jpeg, FileKind.Png];

    private static readonly (string Table, string Field, Func<ContractForm, string?> Value)[] CodedFields =
    [
        (CodeTableCatalog.TechnicalField, nameof(ContractForm.TechnicalFieldCode), f => f.TechnicalFieldCode),
        (CodeTableCatalog.IpType, nameof(ContractForm.IpTypeCode), f => f.IpTypeCode),
        (CodeTableCatalog.PlanSource, nameof(ContractForm.PlanSourceCode), f => f.PlanSourceCode),
        (CodeTableCatalog.SocioEconomicGoal, nameof(ContractForm.SocioEconomicGoalCode), f => f.SocioEconomicGoalCode),
        (CodeTableCatalog.LegalPersonNature, nameof(ContractForm.SellerNatureCode), f => f.SellerNatureCode),
        (CodeTableCatalog.LegalPersonNature, nameof(ContractForm.BuyerNatureCode), f => f.BuyerNatureCode),
        (CodeTableCatalog.CountryRegion, nameof(ContractForm.SellerCountryCode), f => f.SellerCountryCode?.Trim()),
        (CodeTableCatalog.CountryRegion, nameof(ContractForm.BuyerCountryCode), f => f.BuyerCountryCode?.Trim()),
    ];

    private static string CodedLabel(string field) => ContractForm.LabelOf(field);

    /// <summary>Builds the terms, or says why not (Chinese, next to the field).</summary>
    public async Task<Outcome<ContractTerms>> TermsAsync(ContractForm form, TechContract? existing, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (form.RegistrationPointId is { } pointId && !await db.RegistrationPoints.AnyAsync(p => p.Id == pointId && (!p.IsClosed || existing != null && existing.RegistrationPointId == pointId), ct))
        {
            errors.Add(new FieldError(nameof(form.RegistrationPointId), "请选择开放中的登记点"));
        }

        foreach (var (table, field, value) in CodedFields)
        {
            var code = value(form);
            // A code saved earlier stays valid even if the bureau has since retired it.
            if (!string.IsNullOrEmpty(code) && !await codes.IsActiveAsync(table, code, ct) && !(existing is not null && Saved(existing.Terms, field, code)))
            {
                errors.Add(new FieldError(field, "请从列表中选择" + CodedLabel(field)));
            }
        }

        var own = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == actor.OrganizationId, ct);
        var sellerCode = CreditCode.Normalize(form.SellerCreditCode);
        var buyerCode = CreditCode.Normalize(form.BuyerCreditCode);
        var counterpartyCode = form.IsTechnologyImport ? sellerCode : buyerCode;
        var counterparty = await LinkAsync(counterpartyCode, ct);
        // The filing side is the filer itself, or, for an agency filing on a principal's behalf (代理登记), that principal.
        var filingCode = form.IsTechnologyImport ? buyerCode : sellerCode;
        var isAgency = own.Kind is OrganizationKind.TransferAgency or OrganizationKind.ServiceAgency;
        var principal = isAgency && filingCode.Length > 0 && filingCode != own.CreditCode ? await LinkAsync(filingCode, ct) : null;
        if (FilingSide.Problem(form.IsTechnologyImport, own.CreditCode, isAgency, filingCode, principal is not null) is { } sideProblem)
        {
            errors.Add(new FieldError(FilingSide.Field(form.IsTechnologyImport), sideProblem));
        }

        var (filingId, filingRegion) = principal is not null ? (principal.Id, principal.RegionCode) : (own.Id, own.RegionCode);
        var broker = string.IsNullOrWhiteSpace(form.BrokerCreditCode) ? null : await LinkAsync(CreditCode.Normalize(form.BrokerCreditCode), ct);
        if (!string.IsNullOrWhiteSpace(form.BrokerCreditCode) && broker is not { Kind: OrganizationKind.TransferAgency or OrganizationKind.ServiceAgency })
        {
            errors.Add(new FieldError(nameof(form.BrokerCreditCode), "未找到该代码对应的已注册技术转移或服务机构"));
        }

        if (!string.IsNullOrEmpty(form.BuyerParkCode) && !AnqingRegions.All.Any(r => r.Code == form.BuyerParkCode && r.Kind == RegionKind.Park))
        {
            errors.Add(new FieldError(nameof(form.BuyerParkCode), "请选择列表中的园区"));
        }

        var deductions = form.Deductions.Where(d => !string.IsNullOrWhiteSpace(d.Item) || d.Amount is not null)
            .Select(d => new Deduction(d.Item?.Trim() ?? string.Empty, d.Amount ?? 0m)).ToList();
        var seller = new ContractParty(form.SellerName?.Trim() ?? string.Empty, sellerCode, (form.SellerCountryCode ?? string.Empty).Trim(), form.SellerDivisionCode?.Trim() ?? string.Empty, form.SellerNatureCode ?? string.Empty);
        var buyer = new ContractParty(form.BuyerName?.Trim() ?? string.Empty, buyerCode, (form.BuyerCountryCode ?? string.Empty).Trim(), form.BuyerDivisionCode?.Trim() ?? string.Empty, form.BuyerNatureCode ?? string.Empty);
        var terms = new ContractTerms(
            form.ProjectName ?? string.Empty, form.Type ?? 0, form.SubType, form.LicenceScope, form.IsTechnologyImport, seller, buyer,
            form.IsTechnologyImport ? counterparty?.Id : filingId,
            form.IsTechnologyImport ? filingId : counterparty?.Id,
            form.IsTechnologyImport ? RegionOf(counterparty, seller, null) : filingRegion,
            form.IsTechnologyImport ? filingRegion : RegionOf(counterparty, buyer, form.BuyerParkCode),
            form.TechnicalFieldCode ?? string.Empty, form.IpTypeCode ?? string.Empty, form.PlanSourceCode ?? string.Empty, form.SocioEconomicGoalCode ?? string.Empty,
            form.SignedOn ?? default, form.ValidFrom ?? default, form.ValidTo ?? default, form.ContractAmount ?? 0m, deductions,
            // An agency filing for its principal is the contract's broker too, unless another one is named.
            form.PaymentMode ?? 0, broker?.Id ?? (principal is not null ? own.Id : null), broker?.Name ?? (principal is not null && string.IsNullOrWhiteSpace(form.BrokerName) ? own.Name : form.BrokerName?.Trim()),
            form.ExpectedInvestment, form.ExpectedOutput,
            form.ResponsiblePerson?.Trim() ?? string.Empty, form.FilledBy?.Trim() ?? string.Empty, form.FilledOn);

        foreach (var (field, message) in terms.Problems(Display.Today(clock)))
        {
            // The party's region is entered as its 行政区划代码: the message goes next to that input.
            errors.Add(new FieldError(field.Replace("RegionCode", "DivisionCode", StringComparison.Ordinal), message));
        }

        if (form.Intent == "submit")
        {
            // Issue 25 §5: every missing field is marked next to itself (and listed in the summary), not named in one line.
            var marked = errors.Select(e => e.Field).ToHashSet();
            errors.AddRange(terms.MissingFieldsForSubmission().Where(m => !marked.Contains(m.Field)).Select(m => new FieldError(m.Field, m.Message)));
        }

        return errors.Count == 0 ? Outcome<ContractTerms>.Ok(terms) : Outcome<ContractTerms>.Failed(errors);
    }

    /// <summary>Checks each uploaded file by its bytes; returns the checked uploads (with the evidence each input names) and the problems found.</summary>
    public Task<(List<CheckedUpload> Files, List<FieldError> Errors)> CheckFilesAsync(ContractForm form, CancellationToken ct) =>
        CheckFilesAsync(form.Uploads(), ct);

    public async Task<(List<CheckedUpload> Files, List<FieldError> Errors)> CheckFilesAsync(IEnumerable<(IFormFile File, EvidenceKind Kind)> uploads, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var checkedFiles = new List<CheckedUpload>();
        foreach (var (file, kind) in uploads.Take(10))
        {
            var check = await uploader.CheckAsync(file, FileKinds, ct);
            if (check.Error is not null)
            {
                errors.Add(new FieldError(FieldOf(kind), $"“{Path.GetFileName(file.FileName)}”：{check.Error}"));
            }
            else
            {
                checkedFiles.Add(new CheckedUpload(file, check, kind));
            }
        }

        return (checkedFiles, errors);
    }

    /// <summary>The form field an evidence kind is uploaded through, for the message next to it.</summary>
    public static string FieldOf(EvidenceKind kind) => kind switch
    {
        EvidenceKind.ContractText => nameof(ContractForm.ContractTextFiles),
        EvidenceKind.RightsProof => nameof(ContractForm.RightsProofFiles),
        EvidenceKind.ImportLicence => nameof(ContractForm.ImportLicenceFiles),
        EvidenceKind.IncomeProof => "Files",
        _ => nameof(ContractForm.Files),
    };

    public async Task AttachAsync(TechContract contract, IEnumerable<CheckedUpload> files, CancellationToken ct)
    {
        foreach (var upload in files)
        {
            await uploader.AddAsync(AttachmentOwnerType, contract.Id, contract.FilerOrganizationId, actor.RegionCode, upload.File.FileName, upload.Check, ct,
                upload.Kind.Purpose());
        }
    }

    /// <summary>The kinds of evidence the contract already carries, plus those about to be attached.</summary>
    public async Task<IReadOnlyCollection<EvidenceKind>> EvidenceAsync(Guid contractId, IEnumerable<CheckedUpload> adding, CancellationToken ct)
    {
        var purposes = await db.Attachments.AsNoTracking().Where(a => a.OwnerType == AttachmentOwnerType && a.OwnerId == contractId)
            .Select(a => a.Purpose).Distinct().ToListAsync(ct);
        return purposes.Select(ContractEvidence.FromPurpose).OfType<EvidenceKind>().Concat(adding.Select(u => u.Kind)).ToHashSet();
    }

    /// <summary>The evidence a submission still lacks, as messages next to each file input.</summary>
    public static List<FieldError> MissingEvidence(ContractTerms terms, IReadOnlyCollection<EvidenceKind> present) =>
        ContractEvidence.Missing(terms, present).Select(k => new FieldError(FieldOf(k), "提交前请上传" + k.Label())).ToList();

    public sealed record CheckedUpload(IFormFile File, UploadCheck Check, EvidenceKind Kind);

    private static bool Saved(ContractTerms old, string field, string code) => field switch
    {
        nameof(ContractForm.TechnicalFieldCode) => old.TechnicalFieldCode == code,
        nameof(ContractForm.IpTypeCode) => old.IpTypeCode == code,
        nameof(ContractForm.PlanSourceCode) => old.PlanSourceCode == code,
        nameof(ContractForm.SocioEconomicGoalCode) => old.SocioEconomicGoalCode == code,
        nameof(ContractForm.SellerNatureCode) => old.Seller.NatureCode == code,
        nameof(ContractForm.BuyerNatureCode) => old.Buyer.NatureCode == code,
        nameof(ContractForm.SellerCountryCode) => old.Seller.CountryCode == code,
        nameof(ContractForm.BuyerCountryCode) => old.Buyer.CountryCode == code,
        _ => false,
    };

    /// <summary>
    /// Tenancy bypass: a party is linked to its organization on the portal by credit code, whoever owns that
    /// organization; only its id, kind, name and region are read. Also names the members of a 创新联合体 (Carriers).
    /// </summary>
    public async Task<LinkedOrganization?> LinkAsync(string creditCode, CancellationToken ct) =>
        creditCode.Length != 18 ? null : await db.Organizations.IgnoreQueryFilters([PortalDbContext.TenantFilter]).AsNoTracking()
            .Where(o => o.CreditCode == creditCode && o.Status == OrganizationStatus.Active)
            .Select(o => new LinkedOrganization(o.Id, o.Kind, o.Name, o.RegionCode)).SingleOrDefaultAsync(ct);

    /// <summary>The county or park a party counts for: its portal organization's, the park named, or its division code if in Anqing.</summary>
    public static string? RegionOf(LinkedOrganization? linked, ContractParty party, string? parkOverride)
    {
        if (!string.IsNullOrEmpty(parkOverride))
        {
            return parkOverride;
        }

        if (linked is not null)
        {
            return linked.RegionCode;
        }

        return AnqingRegions.All.Any(r => r.Code == party.RegionCode && r.Kind != RegionKind.City) ? party.RegionCode : null;
    }

    public sealed record LinkedOrganization(Guid Id, OrganizationKind Kind, string Name, string RegionCode);
}
