using System.ComponentModel.DataAnnotations;
using AnqingTechTransfer.Domain.Targets;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;

namespace AnqingTechTransfer.Web.Features.Targets.Values;

/// <summary>A scope's target of one indicator and year, or (entered indicators) its actual value with the source.</summary>
public class TargetValueForm
{
    public Guid IndicatorId { get; set; }
    public string RegionCode { get; set; } = string.Empty;
    public int Year { get; set; }

    [Display(Name = "目标值")]
    [Required(ErrorMessage = "请填写目标值")]
    [Range(0, 1_000_000_000, ErrorMessage = "目标值应在0到10亿之间")]
    public decimal? Value { get; set; }

    /// <summary>Entered indicators: the year's actual value and its source, on the same form.</summary>
    public bool IsActual { get; set; }

    [Display(Name = "数据来源")]
    [StringLength(200, ErrorMessage = "数据来源不能超过200个字符")]
    public string? SourceDocument { get; set; }

    public uint? Version { get; set; }

    /// <summary>The indicator (filled by the handler, never posted).</summary>
    [BindNever]
    [ValidateNever]
    public Indicator Indicator { get; set; } = null!;

    /// <summary>The target is locked: not to be edited (filled by the handler, never posted).</summary>
    [BindNever]
    public bool IsLocked { get; set; }
}
