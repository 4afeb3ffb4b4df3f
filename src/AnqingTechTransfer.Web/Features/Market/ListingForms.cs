using System.ComponentModel.DataAnnotations;
using AnqingTechTransfer.Domain.Matching;

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
