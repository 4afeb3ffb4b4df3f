using System.ComponentModel.DataAnnotations;
using AnqingTechTransfer.Domain.Organizations;

namespace AnqingTechTransfer.Web.Features.Account.Registration;

/// <summary>The organization part, shared by registration and by a rejected applicant's correction.</summary>
public class OrganizationDetailsForm
{
    [Display(Name = "单位类型")]
    [Required(ErrorMessage = "请选择单位类型")]
    public OrganizationKind? Kind { get; set; }

    [Display(Name = "单位名称")]
    [Required(ErrorMessage = "请填写单位名称")]
    [StringLength(200, ErrorMessage = "单位名称不能超过200个字")]
    public string OrganizationName { get; set; } = string.Empty;

    [Display(Name = "统一社会信用代码")]
    [Required(ErrorMessage = "请填写统一社会信用代码")]
    [StringLength(30, ErrorMessage = "统一社会信用代码应为18位")]
    public string CreditCode { get; set; } = string.Empty;

    /// <summary>The applicant confirms a code whose check character does not match (early pilot codes).</summary>
    [Display(Name = "我确认代码与营业执照一致")]
    public bool ConfirmChecksum { get; set; }

    [Display(Name = "所在县（市、区）或园区")]
    [Required(ErrorMessage = "请选择所在县（市、区）或园区")]
    [StringLength(12)]
    public string RegionCode { get; set; } = string.Empty;

    [Display(Name = "单位地址")]
    [StringLength(300, ErrorMessage = "地址不能超过300个字")]
    public string? Address { get; set; }

    [Display(Name = "联系人")]
    [Required(ErrorMessage = "请填写联系人")]
    [StringLength(50, ErrorMessage = "联系人不能超过50个字")]
    public string ContactName { get; set; } = string.Empty;

    [Display(Name = "联系电话")]
    [Required(ErrorMessage = "请填写联系电话")]
    [RegularExpression(@"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$", ErrorMessage = "请填写11位手机号或带区号的固定电话，如 0556-5500000")]
    public string ContactPhone { get; set; } = string.Empty;

    [Display(Name = "营业执照或法人证书扫描件")]
    public IFormFile? Licence { get; set; }
}
