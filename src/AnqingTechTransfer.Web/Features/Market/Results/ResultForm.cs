using System.ComponentModel.DataAnnotations;
using AnqingTechTransfer.Domain.Matching;

namespace AnqingTechTransfer.Web.Features.Market.Results;

public class ResultForm : ListingForm
{
    [Display(Name = "技术成熟度（TRL 1–9）")]
    [Required(ErrorMessage = "请选择技术成熟度")]
    public int? Maturity { get; set; }

    [Display(Name = "知识产权类型")]
    public IpKind IpKind { get; set; } = IpKind.InventionPatent;

    [Display(Name = "知识产权编号")]
    [StringLength(50, ErrorMessage = "不能超过50个字符")]
    public string? IpNumber { get; set; }

    [Display(Name = "权利人")]
    [StringLength(200, ErrorMessage = "不能超过200个字")]
    public string? IpOwner { get; set; }

    [Display(Name = "参考价格（万元，留空为面议）")]
    [Range(0, 1_000_000, ErrorMessage = "价格应为非负数")]
    public decimal? Price { get; set; }

    [Display(Name = "研发团队")]
    [StringLength(500, ErrorMessage = "不能超过500个字")]
    public string? Team { get; set; }

    public static ResultForm From(TechResult r)
    {
        var form = new ResultForm { Maturity = r.Maturity, IpKind = r.IpKind, IpNumber = r.IpNumber, IpOwner = r.IpOwner, Price = r.Price, Team = r.Team };
        form.FillCommon(r);
        return form;
    }
}
