using System.ComponentModel.DataAnnotations;
using AnqingTechTransfer.Domain.Projects;

namespace AnqingTechTransfer.Web.Features.Projects;

public class CallForm
{
    [Display(Name = "年度")]
    [Required(ErrorMessage = "请填写年度")]
    [Range(2020, 2100, ErrorMessage = "年度不在有效范围内")]
    public int? Year { get; set; }

    [Display(Name = "指南名称")]
    [Required(ErrorMessage = "请填写指南名称")]
    [StringLength(200, ErrorMessage = "不能超过200个字")]
    public string Title { get; set; } = string.Empty;
}

public class ProgrammeForm
{
    [Display(Name = "专项名称")]
    [Required(ErrorMessage = "请填写专项名称")]
    [StringLength(100, ErrorMessage = "不能超过100个字")]
    public string Name { get; set; } = string.Empty;

    [Display(Name = "支持方式")]
    public FundingMode Mode { get; set; } = FundingMode.Unveiling;

    [Display(Name = "专项预算（万元）")]
    [Required(ErrorMessage = "请填写专项预算")]
    public decimal? Budget { get; set; }

    [Display(Name = "单项资助上限（万元）")]
    [Required(ErrorMessage = "请填写单项资助上限")]
    public decimal? MaxAward { get; set; }

    [Display(Name = "申报开始")]
    [Required(ErrorMessage = "请填写申报开始时间")]
    public DateTime? OpensAt { get; set; }

    [Display(Name = "申报截止")]
    [Required(ErrorMessage = "请填写申报截止时间")]
    public DateTime? ClosesAt { get; set; }

    [Display(Name = "每个单位限报（项）")]
    [Range(1, 20, ErrorMessage = "应为1至20项")]
    public int CapPerOrganization { get; set; } = 1;

    [Display(Name = "企业限报（项）")]
    [Range(1, 20, ErrorMessage = "应为1至20项")]
    public int CapForEnterprises { get; set; } = 2;

    [Display(Name = "攻关类项目（计入企业牵头比例）")]
    public bool IsTackling { get; set; } = true;

    [Display(Name = "必备附件（每行一种）")]
    public string? RequiredAttachments { get; set; } = "申报书\n承诺书";

    [Display(Name = "定向委托承担单位统一社会信用代码")]
    [StringLength(18)]
    public string? DirectedCreditCode { get; set; }
}

public class ProblemForm
{
    [Display(Name = "题目")]
    [Required(ErrorMessage = "请填写题目")]
    [StringLength(200, ErrorMessage = "不能超过200个字")]
    public string Title { get; set; } = string.Empty;

    [Display(Name = "技术难题描述")]
    [Required(ErrorMessage = "请描述技术难题")]
    [StringLength(4000, ErrorMessage = "不能超过4000个字")]
    public string Description { get; set; } = string.Empty;

    [Display(Name = "攻关指标")]
    [Required(ErrorMessage = "请填写攻关指标")]
    [StringLength(2000, ErrorMessage = "不能超过2000个字")]
    public string Targets { get; set; } = string.Empty;

    [Display(Name = "企业投入资金（万元）")]
    [Required(ErrorMessage = "请填写企业投入资金")]
    public decimal? OwnFunds { get; set; }

    [Display(Name = "完成期限")]
    [Required(ErrorMessage = "请填写完成期限")]
    public DateOnly? Deadline { get; set; }
}
