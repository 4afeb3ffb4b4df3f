using System.ComponentModel.DataAnnotations;

namespace AnqingTechTransfer.Web.Features.Administration.CodeTables;

/// <summary>One entry of a code table as typed: a new one (posted as <c>NewEntry.*</c>), or an existing one's name and order.</summary>
public class CodeEntryForm
{
    [Display(Name = "代码")]
    [Required(ErrorMessage = "请填写代码")]
    [RegularExpression(@"^[0-9A-Za-z\-]{1,20}$", ErrorMessage = "代码为1至20位字母、数字或连字符")]
    public string Code { get; set; } = string.Empty;

    [Display(Name = "名称")]
    [Required(ErrorMessage = "请填写名称")]
    [StringLength(200, ErrorMessage = "名称不能超过200个字")]
    public string Name { get; set; } = string.Empty;

    [Display(Name = "排序")]
    [Range(0, 100000, ErrorMessage = "排序应为0至100000的整数")]
    public int SortOrder { get; set; }

    public uint Version { get; set; }
}
