using System.ComponentModel.DataAnnotations;
using AnqingTechTransfer.Domain.Enterprises;
using AnqingTechTransfer.Web.Features.Administration.CodeTables;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace AnqingTechTransfer.Web.Features.Enterprises.Qualifications;

/// <summary>An enterprise's high-tech certificate, and the technical fields it chooses from.</summary>
public class HighTechForm
{
    [Display(Name = "证书编号")]
    [Required(ErrorMessage = "请填写证书编号")]
    [StringLength(30, ErrorMessage = "证书编号不能超过30个字符")]
    public string Number { get; set; } = string.Empty;

    [Display(Name = "发证日期")]
    [Required(ErrorMessage = "请填写发证日期")]
    public DateOnly? IssuedOn { get; set; }

    [Display(Name = "认定方式")]
    public HighTechMode Mode { get; set; } = HighTechMode.Recognition;

    [Display(Name = "技术领域")]
    [Required(ErrorMessage = "请选择技术领域")]
    [StringLength(20)]
    public string FieldCode { get; set; } = string.Empty;

    /// <summary>The active technical fields (八大领域) of the select; filled by the handler, never posted.</summary>
    [BindNever]
    public IReadOnlyList<CodeOption> Fields { get; set; } = [];
}
