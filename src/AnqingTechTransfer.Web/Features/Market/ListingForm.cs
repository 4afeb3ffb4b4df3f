using System.ComponentModel.DataAnnotations;
using AnqingTechTransfer.Domain.Matching;
using AnqingTechTransfer.Web.Features.Administration.CodeTables;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;

namespace AnqingTechTransfer.Web.Features.Market;

/// <summary>What a need and a result share on their forms.</summary>
public abstract class ListingForm
{
    public uint Version { get; set; }

    [Display(Name = "标题")]
    [Required(ErrorMessage = "请填写标题")]
    [StringLength(100, ErrorMessage = "不能超过100个字")]
    public string? Title { get; set; }

    [Display(Name = "内容简介")]
    [Required(ErrorMessage = "请填写内容简介")]
    [StringLength(2000, ErrorMessage = "不能超过2000个字")]
    public string? Summary { get; set; }

    [Display(Name = "技术领域")]
    [Required(ErrorMessage = "请选择技术领域")]
    public string? FieldCode { get; set; }

    [Display(Name = "关键词（用逗号或顿号分隔，至多8个）")]
    [Required(ErrorMessage = "请至少填写一个关键词")]
    public string? Keywords { get; set; }

    [Display(Name = "合作方式")]
    public List<CooperationModes> Modes { get; set; } = [];

    [Display(Name = "联系人")]
    [Required(ErrorMessage = "请填写联系人")]
    [StringLength(50, ErrorMessage = "不能超过50个字")]
    public string? ContactName { get; set; }

    [Display(Name = "联系电话")]
    [Required(ErrorMessage = "请填写联系电话")]
    public string? ContactPhone { get; set; }

    /// <summary>What the page offers (the technical fields, the listing being edited): filled by the handler, never posted.</summary>
    [BindNever]
    [ValidateNever]
    public ListingFormChoices Choices { get; set; } = ListingFormChoices.None;

    public CooperationModes ModeFlags => Modes.Aggregate(CooperationModes.None, (a, m) => a | m);

    public Contact Contact => new(ContactName ?? string.Empty, ContactPhone ?? string.Empty);

    protected void FillCommon(MarketListing l)
    {
        Version = l.Version;
        (Title, Summary, FieldCode, Keywords) = (l.Title, l.Summary, l.FieldCode, string.Join("、", l.Keywords));
        Modes = Enum.GetValues<CooperationModes>().Where(m => m != CooperationModes.None && l.Modes.HasFlag(m)).ToList();
        (ContactName, ContactPhone) = (l.Contact.Name, l.Contact.Phone);
    }
}
