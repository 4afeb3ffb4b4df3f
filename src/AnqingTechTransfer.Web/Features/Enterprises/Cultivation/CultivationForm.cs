using System.ComponentModel.DataAnnotations;
using AnqingTechTransfer.Domain.Enterprises;

namespace AnqingTechTransfer.Web.Features.Enterprises.Cultivation;

/// <summary>An enterprise in the 高企培育库: who it is (when marked), its figures against the recognition criteria, its target year and status.</summary>
public class CultivationForm
{
    [Display(Name = "统一社会信用代码")]
    [Required(ErrorMessage = "请填写统一社会信用代码")]
    [StringLength(18, MinimumLength = 18, ErrorMessage = "统一社会信用代码应为18位")]
    public string CreditCode { get; set; } = string.Empty;

    [Display(Name = "企业名称")]
    [Required(ErrorMessage = "请填写企业名称")]
    [StringLength(200, ErrorMessage = "企业名称不能超过200个字符")]
    public string EnterpriseName { get; set; } = string.Empty;

    [Display(Name = "所在地区")]
    public string? RegionCode { get; set; }

    [Display(Name = "计划申报年度")]
    [Required(ErrorMessage = "请填写计划申报年度")]
    [Range(2000, 2100, ErrorMessage = "计划申报年度不在有效范围内")]
    public int? TargetYear { get; set; }

    [Display(Name = "上年营业收入（万元）")]
    [Range(0, 100_000_000, ErrorMessage = "营业收入应为不小于0的数")]
    public decimal? Revenue { get; set; }

    [Display(Name = "近三年研发费用占比（%）")]
    [Range(0, 100, ErrorMessage = "应在0到100之间")]
    public decimal? RdRatio { get; set; }

    [Display(Name = "科技人员占比（%）")]
    [Range(0, 100, ErrorMessage = "应在0到100之间")]
    public decimal? TechStaffRatio { get; set; }

    [Display(Name = "高新技术产品（服务）收入占比（%）")]
    [Range(0, 100, ErrorMessage = "应在0到100之间")]
    public decimal? HighTechRevenueRatio { get; set; }

    [Display(Name = "核心知识产权数量（件）")]
    [Range(0, 100_000, ErrorMessage = "应为不小于0的整数")]
    public int? CoreIpCount { get; set; }

    [Display(Name = "培育状态")]
    public CultivationStatus Status { get; set; } = CultivationStatus.Cultivating;

    public uint? Version { get; set; }

    public ReadinessFigures Figures => new(Revenue, RdRatio, TechStaffRatio, HighTechRevenueRatio, CoreIpCount);
}
