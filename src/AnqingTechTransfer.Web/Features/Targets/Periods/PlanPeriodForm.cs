using System.ComponentModel.DataAnnotations;
using AnqingTechTransfer.Domain.Targets;

namespace AnqingTechTransfer.Web.Features.Targets.Periods;

/// <summary>A plan period: its years, the multiple the final year reaches and how the path is divided into years.</summary>
public class PlanPeriodForm
{
    [Display(Name = "规划期名称")]
    [Required(ErrorMessage = "请填写规划期名称")]
    [StringLength(100, ErrorMessage = "名称不能超过100个字符")]
    public string Name { get; set; } = string.Empty;

    [Display(Name = "基期年度")]
    [Required(ErrorMessage = "请填写基期年度")]
    public int? BaselineYear { get; set; }

    [Display(Name = "目标年度")]
    [Required(ErrorMessage = "请填写目标年度")]
    public int? FinalYear { get; set; }

    [Display(Name = "目标倍数（目标年度值 ÷ 基期值）")]
    [Required(ErrorMessage = "请填写目标倍数")]
    public decimal? Multiple { get; set; } = 2m;

    [Display(Name = "年度分解方式")]
    public PathShape Shape { get; set; } = PathShape.Geometric;
}
