using System.ComponentModel.DataAnnotations;
using System.Globalization;
using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Experts;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;

using AnqingTechTransfer.Web.Features.Shared;

namespace AnqingTechTransfer.Web.Features.Experts.Pool;

public class ExpertForm
{
    [Display(Name = "姓名")]
    [Required(ErrorMessage = "请填写姓名")]
    [StringLength(50, ErrorMessage = "姓名不能超过50个字")]
    public string Name { get; set; } = string.Empty;

    [Display(Name = "身份证号")]
    [Required(ErrorMessage = "请填写身份证号")]
    public string IdNumber { get; set; } = string.Empty;

    [Display(Name = "手机号")]
    [Required(ErrorMessage = "请填写手机号")]
    public string Mobile { get; set; } = string.Empty;

    [Display(Name = "开户银行")]
    [StringLength(100, ErrorMessage = "开户银行不能超过100个字")]
    public string? BankName { get; set; }

    /// <summary>Never shown back: on the edit form a blank field keeps the account on record.</summary>
    [Display(Name = "银行账号（评审劳务费发放）")]
    [StringLength(40, ErrorMessage = "银行账号不能超过40个字符")]
    public string? BankAccount { get; set; }

    [Display(Name = "工作单位")]
    [Required(ErrorMessage = "请填写工作单位")]
    [StringLength(200, ErrorMessage = "工作单位不能超过200个字")]
    public string EmployerName { get; set; } = string.Empty;

    [Display(Name = "工作单位统一社会信用代码")]
    [Required(ErrorMessage = "请填写工作单位统一社会信用代码")]
    public string EmployerCreditCode { get; set; } = string.Empty;

    [Display(Name = "职称")]
    [StringLength(50)]
    public string? Title { get; set; }

    [Display(Name = "学位")]
    [StringLength(50)]
    public string? Degree { get; set; }

    [Display(Name = "专业领域")]
    public List<string> FieldCodes { get; set; } = [];

    [Display(Name = "研究方向和关键词")]
    [StringLength(500)]
    public string? Keywords { get; set; }

    [Display(Name = "专家类型")]
    public List<ExpertTypes> Types { get; set; } = [];

    [Display(Name = "安庆本地专家")]
    public bool IsLocal { get; set; } = true;

    [Display(Name = "关联关系申报")]
    [StringLength(4000)]
    public string? Relations { get; set; }

    [Display(Name = "不可参加评审的日期")]
    [StringLength(2000)]
    public string? Blackouts { get; set; }

    public uint? Version { get; set; }

    /// <summary>What the page offers (fields, the account on record, the edited expert): filled by the handler, never posted.</summary>
    [BindNever]
    [ValidateNever]
    public ExpertFormChoices Choices { get; set; } = ExpertFormChoices.None;

    /// <summary>Trims the posted values the way the numbers are kept (no spaces; an account without dashes).</summary>
    public void Normalize()
    {
        Name ??= string.Empty;
        IdNumber = PersonalIds.Normalize(IdNumber ?? string.Empty);
        Mobile = PersonalIds.Normalize(Mobile ?? string.Empty);
        BankAccount = PersonalIds.Normalize(BankAccount ?? string.Empty).Replace("-", string.Empty, StringComparison.Ordinal);
        BankName = BankName?.Trim();
        EmployerName ??= string.Empty;
        EmployerCreditCode ??= string.Empty;
        FieldCodes ??= [];
        Types ??= [];
    }

    public ExpertProfile Profile() => new(EmployerName.Trim(), (EmployerCreditCode ?? string.Empty).Trim().ToUpperInvariant(), Title?.Trim() ?? string.Empty,
        Degree?.Trim() ?? string.Empty, FieldCodes, Keywords?.Trim() ?? string.Empty, Types.Aggregate(ExpertTypes.None, (a, t) => a | t), IsLocal);

    /// <summary>
    /// One relation a line: 类别,姓名或单位名称,身份证号或统一社会信用代码,说明 (类别: 亲属/师生/持股/顾问/兼职/原单位/其他; for 原单位
    /// the fourth field is the day the expert left, yyyy-MM-dd). A person is kept
    /// by the keyed hash of their ID number, never the number itself.
    /// </summary>
    public const string KeptId = "已加密保存";

    public async Task<List<DeclaredRelation>> ParseRelationsAsync(Func<string, Task<string>> personKey, IReadOnlyList<DeclaredRelation> existing)
    {
        var result = new List<DeclaredRelation>();
        var line = 0;
        foreach (var raw in (Relations ?? string.Empty).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            line++;
            var parts = raw.Replace('，', ',').Split(',', StringSplitOptions.TrimEntries);
            var kind = Enum.GetValues<RelationKind>().FirstOrDefault(k => ExpertNames.RelationKindName(k) == parts[0]);
            if (kind == 0 || parts.Length < 2 || parts[1].Length == 0)
            {
                throw new DomainException($"关联关系第{line}行格式不正确：应为“类别,姓名或单位,身份证号或统一社会信用代码,说明”", nameof(Relations));
            }

            var id = parts.Length > 2 ? parts[2].ToUpperInvariant() : string.Empty;
            var isPerson = kind is RelationKind.Relative or RelationKind.SupervisorOrStudent;
            if (isPerson && id == KeptId && existing.FirstOrDefault(r => r.Kind == kind && r.Name == parts[1]) is { PersonKey: { } kept })
            {
                result.Add(new DeclaredRelation(kind, parts[1], null, kept, parts.Length > 3 ? string.Join(",", parts[3..]) : null));
                continue;
            }

            if (isPerson && id.Length > 0 && !PersonalIds.IsValidIdNumber(id))
            {
                throw new DomainException($"关联关系第{line}行的身份证号不正确", nameof(Relations));
            }

            if (!isPerson && id.Length > 0 && Domain.Organizations.CreditCode.Check(id) == Domain.Organizations.CreditCodeVerdict.InvalidFormat)
            {
                throw new DomainException($"关联关系第{line}行的统一社会信用代码格式不正确", nameof(Relations));
            }

            if (kind == RelationKind.FormerEmployer)
            {
                // 原单位,单位名称,统一社会信用代码,离职日期
                if (id.Length == 0 || parts.Length < 4 || !DateOnly.TryParseExact(parts[3], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var left))
                {
                    throw new DomainException($"关联关系第{line}行：原单位应写为“原单位,单位名称,统一社会信用代码,离职日期（如2025-06-30）”", nameof(Relations));
                }

                result.Add(new DeclaredRelation(kind, parts[1], id, null, null, left));
                continue;
            }

            result.Add(new DeclaredRelation(kind, parts[1], isPerson || id.Length == 0 ? null : id, isPerson && id.Length > 0 ? await personKey(id) : null,
                parts.Length > 3 ? string.Join(",", parts[3..]) : null));
        }

        return result;
    }

    public static string FormatRelations(IEnumerable<DeclaredRelation> relations) => string.Join("\n", relations.Select(r =>
        $"{ExpertNames.RelationKindName(r.Kind)},{r.Name},{(r.PersonKey is not null ? KeptId : r.CreditCode ?? string.Empty)},{(r.Until is { } until ? until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : r.Note)}"));

    public static string FormatBlackouts(IEnumerable<Blackout> blackouts) => string.Join("\n", blackouts.Select(b => $"{b.From:yyyy-MM-dd}~{b.To:yyyy-MM-dd}"));

    /// <summary>One period a line: 2026-12-01~2026-12-05 (or a single day).</summary>
    public List<Blackout> ParseBlackouts()
    {
        var result = new List<Blackout>();
        var line = 0;
        foreach (var raw in (Blackouts ?? string.Empty).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            line++;
            var parts = raw.Replace('～', '~').Replace('至', '~').Split('~', StringSplitOptions.TrimEntries);
            if (!DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
                || !DateOnly.TryParseExact(parts.Length > 1 ? parts[1] : parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to) || to < from)
            {
                throw new DomainException($"不可参加日期第{line}行格式不正确：应为“2026-12-01~2026-12-05”", nameof(Blackouts));
            }

            result.Add(new Blackout(from, to));
        }

        return result;
    }
}
