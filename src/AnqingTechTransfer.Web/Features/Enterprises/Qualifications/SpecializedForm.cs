using System.ComponentModel.DataAnnotations;
using AnqingTechTransfer.Domain.Enterprises;

namespace AnqingTechTransfer.Web.Features.Enterprises.Qualifications;

/// <summary>An enterprise's 专精特新 recognition: its level and year.</summary>
public class SpecializedForm
{
    [Display(Name = "级别")]
    [Required(ErrorMessage = "请选择级别")]
    public SpecializedLevel? Level { get; set; }

    [Display(Name = "认定年度")]
    [Required(ErrorMessage = "请填写认定年度")]
    [Range(2011, 2100, ErrorMessage = "认定年度不在有效范围内")]
    public int? Year { get; set; }
}
