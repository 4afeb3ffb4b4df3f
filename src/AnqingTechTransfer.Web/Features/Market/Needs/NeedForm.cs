using System.ComponentModel.DataAnnotations;
using AnqingTechTransfer.Domain.Matching;

namespace AnqingTechTransfer.Web.Features.Market.Needs;

public class NeedForm : ListingForm
{
    [Display(Name = "技术指标要求")]
    [StringLength(1000, ErrorMessage = "不能超过1000个字")]
    public string? Targets { get; set; }

    [Display(Name = "预算下限（万元）")]
    [Range(0, 1_000_000, ErrorMessage = "预算应为非负数")]
    public decimal? BudgetMin { get; set; }

    [Display(Name = "预算上限（万元，留空为面议）")]
    [Range(0, 1_000_000, ErrorMessage = "预算应为非负数")]
    public decimal? BudgetMax { get; set; }

    [Display(Name = "需求截止日期")]
    [Required(ErrorMessage = "请填写需求截止日期")]
    public DateOnly? Deadline { get; set; }

    public static NeedForm From(TechNeed n)
    {
        var form = new NeedForm { Targets = n.Targets, BudgetMin = n.BudgetMin, BudgetMax = n.BudgetMax, Deadline = n.Deadline };
        form.FillCommon(n);
        return form;
    }
}
