using System.ComponentModel.DataAnnotations;
using System.Globalization;
using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Projects;

using AnqingTechTransfer.Web.Features.Projects;

namespace AnqingTechTransfer.Web.Features.Projects.Applications;

public class ApplicationForm
{
    /// <summary>Supporting material beyond what the programme requires can always be uploaded under this kind.</summary>
    public const string OtherAttachmentKind = "其他材料";

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

    [Display(Name = "项目团队（每行：姓名,身份证号）")]
    [StringLength(4000)]
    public string? Team { get; set; }

    public uint? Version { get; set; }

    public const string KeptId = "已加密保存";

    public static ApplicationForm From(ProjectApplication a) => new()
    {
        Title = a.Title, Summary = a.Summary, Version = a.Version, Team = string.Join("\n", a.Team.Select(t => $"{t.Name},{KeptId}")),
        Budget = a.Budget.Count == 0 ? new ApplicationForm().Budget
            : string.Join("\n", a.Budget.Select(b => $"{b.Category},{b.Own.ToString(CultureInfo.InvariantCulture)},{b.Requested.ToString(CultureInfo.InvariantCulture)}")),
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

    /// <summary>The team, ID numbers hashed on the way in; a member already saved keeps their hash.</summary>
    public async Task<IReadOnlyList<Domain.Experts.TeamMember>> TeamAsync(Func<string, Task<string>> personKey, IReadOnlyList<Domain.Experts.TeamMember> saved)
    {
        var team = new List<Domain.Experts.TeamMember>();
        foreach (var (line, i) in Lines(Team).Select((l, i) => (l, i)))
        {
            var p = line.Replace('，', ',').Split(',', StringSplitOptions.TrimEntries);
            if (p.Length >= 2 && p[1] == KeptId && saved.FirstOrDefault(t => t.Name == p[0]) is { } kept)
            {
                team.Add(kept);
                continue;
            }

            if (p.Length < 2 || p[0].Length == 0 || !Domain.Experts.PersonalIds.IsValidIdNumber(p[1]))
            {
                throw new DomainException($"项目团队第{i + 1}行应为“姓名,身份证号”，且身份证号正确", nameof(Team));
            }

            team.Add(new Domain.Experts.TeamMember(p[0], await personKey(p[1])));
        }

        return team;
    }

    private static IEnumerable<string> Lines(string? text) => (text ?? string.Empty).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
