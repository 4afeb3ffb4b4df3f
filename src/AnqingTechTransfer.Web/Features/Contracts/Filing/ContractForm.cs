using System.ComponentModel.DataAnnotations;
using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Domain.Regions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;

namespace AnqingTechTransfer.Web.Features.Contracts.Filing;

public class DeductionRow
{
    [StringLength(100, ErrorMessage = "扣除项名称不能超过100个字")]
    public string? Item { get; set; }

    [Range(typeof(decimal), "0", "99999999", ErrorMessage = "扣除金额应为0至99999999万元")]
    public decimal? Amount { get; set; }
}

/// <summary>The national registration form (技术合同登记表), as the filer fills it in. Amounts in 万元.</summary>
public class ContractForm
{
    public const int DeductionRows = 5;

    public uint Version { get; set; }

    /// <summary>The accepted docking request this contract comes from (对接成果), kept as the link from the need to its contract.</summary>
    public Guid? DockingRequestId { get; set; }

    [Display(Name = "登记点")]
    [Required(ErrorMessage = "请选择登记点")]
    public Guid? RegistrationPointId { get; set; }

    [Display(Name = "项目名称")]
    [Required(ErrorMessage = "请填写项目名称")]
    [StringLength(200, ErrorMessage = "项目名称不能超过200个字")]
    public string ProjectName { get; set; } = string.Empty;

    [Display(Name = "合同类别")]
    public TechContractType? Type { get; set; }

    [Display(Name = "合同子类")]
    public TechContractSubType? SubType { get; set; }

    [Display(Name = "许可范围")]
    public LicenceScope? LicenceScope { get; set; }

    [Display(Name = "技术进口合同（由境内买方登记）")]
    public bool IsTechnologyImport { get; set; }

    [Display(Name = "卖方名称")][StringLength(200)] public string? SellerName { get; set; }
    [Display(Name = "卖方统一社会信用代码")][StringLength(30)] public string? SellerCreditCode { get; set; }
    [Display(Name = "卖方国别（地区）")][StringLength(3)] public string? SellerCountryCode { get; set; } = ContractParty.China;
    [Display(Name = "卖方行政区划代码")][StringLength(6)] public string? SellerDivisionCode { get; set; }
    [Display(Name = "卖方性质")][StringLength(20)] public string? SellerNatureCode { get; set; }

    [Display(Name = "买方名称")][StringLength(200)] public string? BuyerName { get; set; }
    [Display(Name = "买方统一社会信用代码")][StringLength(30)] public string? BuyerCreditCode { get; set; }
    [Display(Name = "买方国别（地区）")][StringLength(3)] public string? BuyerCountryCode { get; set; } = ContractParty.China;
    [Display(Name = "买方行政区划代码")][StringLength(6)] public string? BuyerDivisionCode { get; set; }
    [Display(Name = "买方性质")][StringLength(20)] public string? BuyerNatureCode { get; set; }

    /// <summary>Parks share the county's division code: the filer may say the buyer sits in a park (吸纳 goes to the park).</summary>
    [Display(Name = "买方所在园区")][StringLength(12)] public string? BuyerParkCode { get; set; }

    [Display(Name = "技术领域")][StringLength(20)] public string? TechnicalFieldCode { get; set; }
    [Display(Name = "知识产权类型")][StringLength(20)] public string? IpTypeCode { get; set; }
    [Display(Name = "计划来源")][StringLength(20)] public string? PlanSourceCode { get; set; }
    [Display(Name = "社会经济目标")][StringLength(20)] public string? SocioEconomicGoalCode { get; set; }

    [Display(Name = "签订日期")] public DateOnly? SignedOn { get; set; }
    [Display(Name = "有效期起")] public DateOnly? ValidFrom { get; set; }
    [Display(Name = "有效期止")] public DateOnly? ValidTo { get; set; }

    [Display(Name = "成交额（万元）")]
    [Range(typeof(decimal), "0", "99999999", ErrorMessage = "成交额应为0至99999999万元")]
    public decimal? ContractAmount { get; set; }

    public List<DeductionRow> Deductions { get; set; } = [];

    [Display(Name = "支付方式")] public PaymentMode? PaymentMode { get; set; }

    [Display(Name = "中介机构统一社会信用代码")][StringLength(30)] public string? BrokerCreditCode { get; set; }
    [Display(Name = "中介机构名称")][StringLength(200)] public string? BrokerName { get; set; }

    [Display(Name = "预计新增投入（万元）")]
    [Range(typeof(decimal), "0", "99999999", ErrorMessage = "预计新增投入应为0至99999999万元")]
    public decimal? ExpectedInvestment { get; set; }

    [Display(Name = "预计新增产值（万元）")]
    [Range(typeof(decimal), "0", "99999999", ErrorMessage = "预计新增产值应为0至99999999万元")]
    public decimal? ExpectedOutput { get; set; }

    [Display(Name = "负责人")]
    [StringLength(ContractTerms.PersonNameLength, ErrorMessage = "负责人不能超过50个字")]
    public string? ResponsiblePerson { get; set; }

    [Display(Name = "填报人")]
    [StringLength(ContractTerms.PersonNameLength, ErrorMessage = "填报人不能超过50个字")]
    public string? FilledBy { get; set; }

    /// <summary>填报日期: today on a new form (the handler sets it), never after today.</summary>
    [Display(Name = "填报日期")]
    public DateOnly? FilledOn { get; set; }

    [Display(Name = "合同文本（含附件）")]
    public List<IFormFile> ContractTextFiles { get; set; } = [];

    [Display(Name = "权属证明")]
    public List<IFormFile> RightsProofFiles { get; set; } = [];

    [Display(Name = "技术进口合同许可证或登记证书")]
    public List<IFormFile> ImportLicenceFiles { get; set; } = [];

    [Display(Name = "其他材料")]
    public List<IFormFile> Files { get; set; } = [];

    /// <summary>Each upload with the kind of evidence its input names.</summary>
    public IEnumerable<(IFormFile File, EvidenceKind Kind)> Uploads() =>
        ContractTextFiles.Select(f => (f, EvidenceKind.ContractText))
            .Concat(RightsProofFiles.Select(f => (f, EvidenceKind.RightsProof)))
            .Concat(ImportLicenceFiles.Select(f => (f, EvidenceKind.ImportLicence)))
            .Concat(Files.Select(f => (f, EvidenceKind.Other)))
            .Where(u => u.f.Length > 0);

    /// <summary>变更登记 only: why the terms change (the registrar reads it with the before → after table).</summary>
    [Display(Name = "变更理由")]
    [StringLength(500, ErrorMessage = "变更理由不能超过500个字")]
    public string? ChangeReason { get; set; }

    /// <summary>"submit" files the contract; anything else saves a draft.</summary>
    public string? Intent { get; set; }

    /// <summary>What the page offers (points, code lists, the contract being edited): filled by the handler, never posted.</summary>
    [BindNever]
    [ValidateNever]
    public ContractFormChoices Choices { get; set; } = ContractFormChoices.None;

    /// <summary>A field's label on the form (its Display name): the same words as in the messages about it.</summary>
    public static string LabelOf(string property) =>
        typeof(ContractForm).GetProperty(property)?.GetCustomAttributes(typeof(DisplayAttribute), false).OfType<DisplayAttribute>().FirstOrDefault()?.Name ?? property;

    public void PadDeductions()
    {
        while (Deductions.Count < DeductionRows)
        {
            Deductions.Add(new DeductionRow());
        }
    }

    /// <summary>The form as a saved draft or returned contract fills it (blank where nothing was entered yet).</summary>
    public static ContractForm From(TechContract c) => new()
    {
        Version = c.Version,
        RegistrationPointId = c.RegistrationPointId,
        ProjectName = c.ProjectName,
        Type = c.Type == 0 ? null : c.Type,
        SubType = c.SubType,
        LicenceScope = c.LicenceScope,
        IsTechnologyImport = c.IsTechnologyImport,
        SellerName = c.Seller.Name, SellerCreditCode = c.Seller.CreditCode, SellerCountryCode = c.Seller.CountryCode, SellerDivisionCode = c.Seller.RegionCode, SellerNatureCode = c.Seller.NatureCode,
        BuyerName = c.Buyer.Name, BuyerCreditCode = c.Buyer.CreditCode, BuyerCountryCode = c.Buyer.CountryCode, BuyerDivisionCode = c.Buyer.RegionCode, BuyerNatureCode = c.Buyer.NatureCode,
        BuyerParkCode = AnqingRegions.All.Any(r => r.Code == c.BuyerRegionCode && r.Kind == RegionKind.Park) ? c.BuyerRegionCode : null,
        TechnicalFieldCode = c.TechnicalFieldCode, IpTypeCode = c.IpTypeCode, PlanSourceCode = c.PlanSourceCode, SocioEconomicGoalCode = c.SocioEconomicGoalCode,
        SignedOn = c.SignedOn == default ? null : c.SignedOn,
        ValidFrom = c.ValidFrom == default ? null : c.ValidFrom,
        ValidTo = c.ValidTo == default ? null : c.ValidTo,
        ContractAmount = c.ContractAmount == 0 ? null : c.ContractAmount,
        Deductions = c.Deductions.Select(d => new DeductionRow { Item = d.Item, Amount = d.Amount }).ToList(),
        PaymentMode = c.PaymentMode == 0 ? null : c.PaymentMode,
        BrokerName = c.BrokerName,
        ExpectedInvestment = c.ExpectedInvestment,
        ExpectedOutput = c.ExpectedOutput,
        ResponsiblePerson = c.ResponsiblePerson, FilledBy = c.FilledBy, FilledOn = c.FilledOn,
    };
}
