using System.ComponentModel.DataAnnotations;
using System.Globalization;
using AnqingTechTransfer.Domain.Experts;
using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Web.Features.Shared;

namespace AnqingTechTransfer.Web.Features.Projects.Applications;

/// <summary>A budget row as typed: amounts stay text so that a wrong entry comes back as typed, with its message.</summary>
public sealed class BudgetRow
{
    public string? Category { get; set; }
    public string? Own { get; set; }
    public string? Requested { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Category) && string.IsNullOrWhiteSpace(Own) && string.IsNullOrWhiteSpace(Requested);
}

public sealed class MilestoneRow
{
    public string? Name { get; set; }
    public string? Due { get; set; }
    public string? Deliverable { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Due) && string.IsNullOrWhiteSpace(Deliverable);
}

public sealed class TeamRow
{
    public string? Name { get; set; }
    public string? IdNumber { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(IdNumber);
}

public sealed class PartnerRow
{
    public string? Name { get; set; }
    public string? CreditCode { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(CreditCode);
}

public sealed class AvoidRow
{
    public string? ExpertName { get; set; }
    public string? EmployerName { get; set; }
    public string? Reason { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(ExpertName) && string.IsNullOrWhiteSpace(EmployerName) && string.IsNullOrWhiteSpace(Reason);
}

/// <summary>
/// The application form: budget, milestones, team, partners and the experts to avoid as table rows (Budget[i].Category …).
/// Blank rows are ignored; every other row is checked and its errors are keyed to its fields, so the form comes back with
/// every typed value and each message next to its cell.
/// </summary>
public class ApplicationForm
{
    /// <summary>Supporting material beyond what the programme requires can always be uploaded under this kind.</summary>
    public const string OtherAttachmentKind = "其他材料";

    /// <summary>What a saved member's ID number shows as: the hash is kept, the number is not.</summary>
    public const string KeptId = "已加密保存";

    /// <summary>Blank rows offered without script (with script, rows are added and removed on the page).</summary>
    public const int SpareRows = 2;

    public static readonly string[] DefaultCategories = ["设备费", "材料费", "测试化验加工费", "人员劳务费"];

    [Display(Name = "项目名称")]
    [Required(ErrorMessage = "请填写项目名称")]
    [StringLength(200, ErrorMessage = "不能超过200个字")]
    public string Title { get; set; } = string.Empty;

    [Display(Name = "主要研究内容和目标")]
    [Required(ErrorMessage = "请填写主要内容")]
    [StringLength(8000, ErrorMessage = "不能超过8000个字")]
    public string Summary { get; set; } = string.Empty;

    public List<BudgetRow> Budget { get; set; } = [];
    public List<MilestoneRow> Milestones { get; set; } = [];
    public List<TeamRow> Team { get; set; } = [];
    public List<PartnerRow> Partners { get; set; } = [];
    public List<AvoidRow> AvoidRequests { get; set; } = [];

    public uint? Version { get; set; }

    public static ApplicationForm From(ProjectApplication a) => new()
    {
        Title = a.Title, Summary = a.Summary, Version = a.Version,
        Budget = a.Budget.Count == 0
            ? DefaultCategories.Select(c => new BudgetRow { Category = c }).ToList()
            : a.Budget.Select(b => new BudgetRow { Category = b.Category, Own = Amount(b.Own), Requested = Amount(b.Requested) }).ToList(),
        Milestones = a.Milestones.Select(m => new MilestoneRow { Name = m.Name, Due = m.Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Deliverable = m.Deliverable })
            .ToList(),
        Team = a.Team.Select(t => new TeamRow { Name = t.Name, IdNumber = KeptId }).ToList(),
        Partners = a.Partners.Select(p => new PartnerRow { Name = p.Name, CreditCode = p.CreditCode }).ToList(),
        AvoidRequests = a.AvoidRequests.Select(r => new AvoidRow { ExpertName = r.ExpertName, EmployerName = r.EmployerName, Reason = r.Reason }).ToList(),
    };

    private static string Amount(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>Null lists (nothing posted) become empty; null strings empty.</summary>
    public void Normalize()
    {
        Title ??= string.Empty;
        Summary ??= string.Empty;
        Budget ??= [];
        Milestones ??= [];
        Team ??= [];
        Partners ??= [];
        AvoidRequests ??= [];
    }

    /// <summary>The rows to show: as posted or saved (indexes unchanged, so errors stay on their row), then blank ones.</summary>
    public static IReadOnlyList<T> WithSpare<T>(IReadOnlyList<T> rows, int atLeast, int? atMost = null) where T : new()
    {
        var count = Math.Max(rows.Count + SpareRows, atLeast);
        if (atMost is { } max)
        {
            count = Math.Max(rows.Count, Math.Min(count, max));
        }

        return rows.Concat(Enumerable.Range(0, count - rows.Count).Select(_ => new T())).ToList();
    }

    /// <summary>Every row checked; errors keyed to the row's field (Budget[2].Own); the sum against the programme's cap.</summary>
    public (IReadOnlyList<BudgetLine> Lines, IReadOnlyList<FieldError> Errors) BudgetLines(ProgrammeTerms programme)
    {
        var lines = new List<BudgetLine>();
        var errors = new List<FieldError>();
        for (var i = 0; i < Budget.Count; i++)
        {
            var row = Budget[i];
            if (row.IsBlank)
            {
                continue;
            }

            var category = row.Category?.Trim() ?? string.Empty;
            if (IsZero(row.Own) && IsZero(row.Requested))
            {
                // A category with no amount (the offered 设备费, 材料费 … left empty) is not a budget line.
                continue;
            }

            if (category.Length == 0)
            {
                errors.Add(new FieldError($"Budget[{i}].Category", "请填写科目"));
            }
            else if (category.Length > 50)
            {
                errors.Add(new FieldError($"Budget[{i}].Category", "科目不能超过50个字"));
            }

            var own = ParseAmount(row.Own, $"Budget[{i}].Own", errors);
            var requested = ParseAmount(row.Requested, $"Budget[{i}].Requested", errors);
            if (own is { } o && requested is { } r && category.Length is > 0 and <= 50)
            {
                lines.Add(new BudgetLine(category, o, r));
            }
        }

        if (errors.Count == 0 && ProjectApplication.BudgetProblem(lines, programme) is { } problem)
        {
            errors.Add(new FieldError("BudgetTotal", problem));
        }

        return (lines, errors);
    }

    private static bool IsZero(string? text) =>
        string.IsNullOrWhiteSpace(text) || (decimal.TryParse(text.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v) && v == 0m);

    private static decimal? ParseAmount(string? text, string field, List<FieldError> errors)
    {
        var t = (text ?? string.Empty).Trim().Replace("，", string.Empty, StringComparison.Ordinal).Replace(",", string.Empty, StringComparison.Ordinal);
        if (t.Length == 0)
        {
            return 0m;
        }

        if (!decimal.TryParse(t, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value < 0 || value > 1_000_000m
            || decimal.Round(value, 2) != value)
        {
            errors.Add(new FieldError(field, "应为不小于0的金额（万元，最多两位小数）"));
            return null;
        }

        return value;
    }

    public (IReadOnlyList<Milestone> Milestones, IReadOnlyList<FieldError> Errors) MilestoneList()
    {
        var list = new List<Milestone>();
        var errors = new List<FieldError>();
        for (var i = 0; i < Milestones.Count; i++)
        {
            var row = Milestones[i];
            if (row.IsBlank)
            {
                continue;
            }

            var name = row.Name?.Trim() ?? string.Empty;
            if (name.Length == 0)
            {
                errors.Add(new FieldError($"Milestones[{i}].Name", "请填写里程碑名称"));
            }

            if (!DateOnly.TryParseExact(row.Due?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due))
            {
                errors.Add(new FieldError($"Milestones[{i}].Due", "请填写完成日期"));
            }
            else if (name.Length > 0)
            {
                list.Add(new Milestone(name, due, row.Deliverable?.Trim() ?? string.Empty));
            }
        }

        return (list, errors);
    }

    /// <summary>The team, ID numbers hashed on the way in; a member already saved (shown as <see cref="KeptId"/>) keeps their hash.</summary>
    public async Task<(IReadOnlyList<TeamMember> Team, IReadOnlyList<FieldError> Errors)> TeamAsync(Func<string, Task<string>> personKey, IReadOnlyList<TeamMember> saved)
    {
        var team = new List<TeamMember>();
        var errors = new List<FieldError>();
        for (var i = 0; i < Team.Count; i++)
        {
            var row = Team[i];
            if (row.IsBlank)
            {
                continue;
            }

            var name = row.Name?.Trim() ?? string.Empty;
            var number = row.IdNumber?.Trim().ToUpperInvariant() ?? string.Empty;
            if (name.Length == 0)
            {
                errors.Add(new FieldError($"Team[{i}].Name", "请填写姓名"));
                continue;
            }

            if (number == KeptId && saved.FirstOrDefault(t => t.Name == name) is { } kept)
            {
                team.Add(kept);
                continue;
            }

            if (!PersonalIds.IsValidIdNumber(number))
            {
                errors.Add(new FieldError($"Team[{i}].IdNumber", "身份证号不正确，请核对"));
                continue;
            }

            team.Add(new TeamMember(name, await personKey(number)));
        }

        return (team, errors);
    }

    /// <summary>The non-blank partner rows, with the field index they were posted under (the domain checks each code).</summary>
    public IReadOnlyList<(int Index, PartnerUnit Partner)> PartnerUnits() => Partners.Select((p, i) => (i, p)).Where(x => !x.p.IsBlank)
        .Select(x => (x.i, new PartnerUnit(x.p.Name?.Trim() ?? string.Empty, Domain.Organizations.CreditCode.Normalize(x.p.CreditCode)))).ToList();

    public IReadOnlyList<(int Index, AvoidRequest Request)> AvoidList() => AvoidRequests.Select((a, i) => (i, a)).Where(x => !x.a.IsBlank)
        .Select(x => (x.i, new AvoidRequest(x.a.ExpertName?.Trim() ?? string.Empty, x.a.EmployerName?.Trim() ?? string.Empty, x.a.Reason?.Trim() ?? string.Empty)))
        .ToList();
}
