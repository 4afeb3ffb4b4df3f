using System.ComponentModel.DataAnnotations;
using System.Globalization;
using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Experts;

namespace AnqingTechTransfer.Web.Features.Experts.Panels;

public class PanelForm
{
    [Display(Name = "评审事项")]
    [Required(ErrorMessage = "请填写评审事项")]
    [StringLength(200, ErrorMessage = "不能超过200个字")]
    public string Title { get; set; } = string.Empty;

    [Display(Name = "评审类别")]
    public string SubjectKind { get; set; } = "项目申报";

    [Display(Name = "申报单位名称")]
    [Required(ErrorMessage = "请填写申报单位名称")]
    [StringLength(200)]
    public string ApplicantName { get; set; } = string.Empty;

    [Display(Name = "申报单位统一社会信用代码")]
    [Required(ErrorMessage = "请填写申报单位统一社会信用代码")]
    public string ApplicantCreditCode { get; set; } = string.Empty;

    [Display(Name = "合作单位统一社会信用代码（每行一个）")]
    [StringLength(2000)]
    public string? Partners { get; set; }

    [Display(Name = "项目团队（每行：姓名,身份证号）")]
    [StringLength(4000)]
    public string? Team { get; set; }

    [Display(Name = "申请回避的专家（每行：姓名,工作单位,理由；不超过3名）")]
    [StringLength(2000)]
    public string? Avoid { get; set; }

    [Display(Name = "评分指标（每行：指标名称,满分）")]
    [Required(ErrorMessage = "请填写评分指标")]
    public string Rubric { get; set; } = "技术先进性,30\n实施方案可行性,30\n团队与条件,20\n经济社会效益,20";

    [Display(Name = "汇总规则")]
    public Aggregation Aggregation { get; set; } = Aggregation.TrimmedMean;

    [Display(Name = "首席专家权重（首席专家加权时）")]
    [Range(0, 0.99, ErrorMessage = "权重应在0到0.99之间")]
    public decimal ChiefWeight { get; set; } = 0.4m;

    [Display(Name = "评审日期")]
    [Required(ErrorMessage = "请填写评审日期")]
    public DateOnly? ReviewDate { get; set; }

    public static IReadOnlyList<string> Kinds => ["项目申报", "项目验收", "中期检查", "其他"];

    public IReadOnlyList<string> PartnerCodes() =>
        Lines(Partners).Select(l => l.ToUpperInvariant()).Select((c, i) => Domain.Organizations.CreditCode.Check(c) == Domain.Organizations.CreditCodeVerdict.InvalidFormat
            ? throw new DomainException($"合作单位第{i + 1}行的统一社会信用代码格式不正确", nameof(Partners)) : c).ToList();

    public async Task<IReadOnlyList<TeamMember>> TeamAsync(Func<string, Task<string>> personKey)
    {
        var team = new List<TeamMember>();
        foreach (var (line, i) in Lines(Team).Select((l, i) => (l, i)))
        {
            var parts = line.Replace('，', ',').Split(',', StringSplitOptions.TrimEntries);
            if (parts.Length < 2 || parts[0].Length == 0 || !PersonalIds.IsValidIdNumber(parts[1]))
            {
                throw new DomainException($"项目团队第{i + 1}行应为“姓名,身份证号”，且身份证号正确", nameof(Team));
            }

            team.Add(new TeamMember(parts[0], await personKey(parts[1])));
        }

        return team;
    }

    public IReadOnlyList<AvoidRequest> AvoidRequests() => Lines(Avoid).Select((l, i) =>
    {
        var parts = l.Replace('，', ',').Split(',', 3, StringSplitOptions.TrimEntries);
        return parts.Length == 3 && parts[0].Length > 0 ? new AvoidRequest(parts[0], parts[1], parts[2])
            : throw new DomainException($"申请回避第{i + 1}行应为“姓名,工作单位,理由”", nameof(Avoid));
    }).ToList();

    public IReadOnlyList<RubricItem> RubricItems() => Lines(Rubric).Select((l, i) =>
    {
        var parts = l.Replace('，', ',').Split(',', StringSplitOptions.TrimEntries);
        return parts.Length == 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var max)
            ? new RubricItem(parts[0], max)
            : throw new DomainException($"评分指标第{i + 1}行应为“指标名称,满分”", nameof(Rubric));
    }).ToList();

    private static IEnumerable<string> Lines(string? text) => (text ?? string.Empty).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
