using System.ComponentModel.DataAnnotations;
using System.Globalization;
using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Projects;

namespace AnqingTechTransfer.Web.Features.Projects;

public class ApplicationForm
{
    [Display(Name = "项目名称")]
    [Required(ErrorMessage = "请填写项目名称")]
    [StringLength(200, ErrorMessage = "不能超过200个字")]
    public string Title { get; set; } = string.Empty;

    [Display(Name = "主要研究内容和目标")]
    [Required(ErrorMessage = "请填写主要内容")]
    [StringLength(8000, ErrorMessage = "不能超过8000个字")]
    public string Summary { get; set; } = string.Empty;

    [Display(Name = "预算（每行：科目,自筹（万元）,申请资助（万元））")]
    [Required(ErrorMessage = "请填写预算")]
    public string Budget { get; set; } = "设备费,0,0\n材料费,0,0\n测试化验加工费,0,0\n人员劳务费,0,0";

    [Display(Name = "里程碑（每行：名称,完成日期,成果）")]
    [Required(ErrorMessage = "请填写里程碑")]
    public string Milestones { get; set; } = string.Empty;

    public uint? Version { get; set; }

    public static ApplicationForm From(ProjectApplication a) => new()
    {
        Title = a.Title, Summary = a.Summary, Version = a.Version,
        Budget = string.Join("\n", a.Budget.Select(b => $"{b.Category},{b.Own.ToString(CultureInfo.InvariantCulture)},{b.Requested.ToString(CultureInfo.InvariantCulture)}")),
        Milestones = string.Join("\n", a.Milestones.Select(m => $"{m.Name},{m.Due:yyyy-MM-dd},{m.Deliverable}")),
    };

    public IReadOnlyList<BudgetLine> BudgetLines() => Lines(Budget).Select((l, i) =>
    {
        var p = l.Replace('，', ',').Split(',', StringSplitOptions.TrimEntries);
        return p.Length == 3 && p[0].Length > 0 && decimal.TryParse(p[1], NumberStyles.Number, CultureInfo.InvariantCulture, out var own) && own >= 0
            && decimal.TryParse(p[2], NumberStyles.Number, CultureInfo.InvariantCulture, out var requested) && requested >= 0
            ? new BudgetLine(p[0], own, requested)
            : throw new DomainException($"预算第{i + 1}行应为“科目,自筹,申请资助”，金额为不小于0的数", nameof(Budget));
    }).ToList();

    public IReadOnlyList<Milestone> MilestoneList() => Lines(Milestones).Select((l, i) =>
    {
        var p = l.Replace('，', ',').Split(',', 3, StringSplitOptions.TrimEntries);
        return p.Length == 3 && p[0].Length > 0 && DateOnly.TryParseExact(p[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due)
            ? new Milestone(p[0], due, p[2])
            : throw new DomainException($"里程碑第{i + 1}行应为“名称,2027-06-30,成果”", nameof(Milestones));
    }).ToList();

    private static IEnumerable<string> Lines(string? text) => (text ?? string.Empty).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
