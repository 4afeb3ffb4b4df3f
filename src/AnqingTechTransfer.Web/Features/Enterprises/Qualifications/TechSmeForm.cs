using System.ComponentModel.DataAnnotations;

namespace AnqingTechTransfer.Web.Features.Enterprises.Qualifications;

/// <summary>An enterprise's tech-SME registration number of one evaluation year.</summary>
public class TechSmeForm
{
    [Display(Name = "评价年度")]
    [Required(ErrorMessage = "请填写评价年度")]
    [Range(2017, 2100, ErrorMessage = "评价年度不在有效范围内")]
    public int? Year { get; set; }

    [Display(Name = "入库登记编号")]
    [Required(ErrorMessage = "请填写入库登记编号")]
    [StringLength(30, ErrorMessage = "入库登记编号不能超过30个字符")]
    public string Number { get; set; } = string.Empty;
}
