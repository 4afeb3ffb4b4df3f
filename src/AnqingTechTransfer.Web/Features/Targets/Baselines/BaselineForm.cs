using System.ComponentModel.DataAnnotations;
using AnqingTechTransfer.Domain.Targets;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;

namespace AnqingTechTransfer.Web.Features.Targets.Baselines;

/// <summary>A scope's baseline of one indicator and year, with its source.</summary>
public class BaselineForm
{
    public Guid IndicatorId { get; set; }
    public string RegionCode { get; set; } = string.Empty;
    public int Year { get; set; }

    [Display(Name = "基数值")]
    [Required(ErrorMessage = "请填写基数值")]
    [Range(0, 1_000_000_000, ErrorMessage = "基数值应在0到10亿之间")]
    public decimal? Value { get; set; }

    [Display(Name = "数据来源（文件名称、文号或统计口径）")]
    [Required(ErrorMessage = "请填写数据来源")]
    [StringLength(200, ErrorMessage = "数据来源不能超过200个字符")]
    public string SourceDocument { get; set; } = string.Empty;

    [Display(Name = "来源链接")]
    [StringLength(500, ErrorMessage = "链接不能超过500个字符")]
    public string? SourceUrl { get; set; }

    [Display(Name = "已与官方数据核实")]
    public bool Verified { get; set; }

    public uint? Version { get; set; }

    /// <summary>The indicator (filled by the handler, never posted).</summary>
    [BindNever]
    [ValidateNever]
    public Indicator Indicator { get; set; } = null!;

    /// <summary>The value replaced is demo data (filled by the handler, never posted).</summary>
    [BindNever]
    public bool WasDemo { get; set; }
}
