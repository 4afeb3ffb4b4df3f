using System.Text.RegularExpressions;

namespace AnqingTechTransfer.Domain.Enterprises;

/// <summary>高新技术企业 recognition route: the usual 认定, or the plan's 报备 (filing) pilot.</summary>
public enum HighTechMode
{
    Recognition = 1,
    Filing = 2,
}

/// <summary>专精特新 levels.</summary>
public enum SpecializedLevel
{
    Provincial = 1,
    NationalLittleGiant = 2,
}

public static class SpecializedLevels
{
    public static string Name(this SpecializedLevel level) => level switch
    {
        SpecializedLevel.Provincial => "省级专精特新中小企业",
        SpecializedLevel.NationalLittleGiant => "国家级专精特新“小巨人”企业",
        _ => level.ToString(),
    };

    /// <summary>Reads a level as written in a provincial list ("省级", "国家级", "小巨人", or 1/2).</summary>
    public static SpecializedLevel? Parse(string text) => text.Trim() switch
    {
        "1" or "省级" or "省级专精特新" or "省级专精特新中小企业" => SpecializedLevel.Provincial,
        "2" or "国家级" or "小巨人" or "国家级专精特新“小巨人”企业" or "国家级专精特新小巨人企业" or "专精特新“小巨人”" => SpecializedLevel.NationalLittleGiant,
        _ => null,
    };
}

/// <summary>A 高新技术企业 certificate (DOMAIN.md §4.2): valid three years from issue.</summary>
public sealed record HighTechCertificate(string CreditCode, string Number, DateOnly IssuedOn, HighTechMode Mode, string FieldCode)
{
    public DateOnly ValidUntil => IssuedOn.AddYears(3).AddDays(-1);

    public bool IsValidOn(DateOnly date) => date >= IssuedOn && date <= ValidUntil;
}

/// <summary>A 科技型中小企业 registration (DOMAIN.md §4.3): valid for its evaluation year only.</summary>
public sealed record TechSmeRegistration(string CreditCode, int Year, string Number);

/// <summary>
/// Lenient format checks: the formats in DOMAIN.md are not all confirmed, so a mismatch is a warning to show, never a refusal.
/// </summary>
public static partial class QualificationFormats
{
    [GeneratedRegex(@"^GR\d{4}\d{2}\d{6}$")]
    private static partial Regex HighTechNumber();

    [GeneratedRegex(@"^\d{4}\d{4}[0-9A-Z]{6,12}$")]
    private static partial Regex TechSmeNumber();

    public static string? HighTechWarning(string number, DateOnly issuedOn)
    {
        var normalized = number.Trim().ToUpperInvariant();
        if (!HighTechNumber().IsMatch(normalized))
        {
            return "证书编号不符合常见格式（GR + 4位年份 + 2位省份代码 + 6位序号），请核对";
        }

        return normalized.Substring(2, 4) != issuedOn.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)
            ? "证书编号中的年份与发证日期不一致，请核对"
            : null;
    }

    public static string? TechSmeWarning(string number, int year)
    {
        var normalized = number.Trim().ToUpperInvariant();
        if (!normalized.StartsWith(year.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal))
        {
            return "入库登记编号应以评价年度开头，请核对";
        }

        return TechSmeNumber().IsMatch(normalized) ? null : "入库登记编号格式与常见格式不同，请核对";
    }
}

/// <summary>The counting rules of the plan's headline indicators.</summary>
public static class QualificationCounting
{
    /// <summary>
    /// High-tech enterprises of a year: those holding a certificate valid on 31 December of that year. An enterprise with
    /// overlapping certificates (re-recognition) counts once: the count is of credit codes, not certificates.
    /// </summary>
    public static int HighTechEnterprises(IEnumerable<HighTechCertificate> certificates, int year)
    {
        var yearEnd = new DateOnly(year, 12, 31);
        return certificates.Where(c => c.IsValidOn(yearEnd)).Select(c => c.CreditCode).Distinct(StringComparer.Ordinal).Count();
    }

    /// <summary>Tech-based SMEs of a year: those registered (入库) in that year's evaluation, each once.</summary>
    public static int TechSmes(IEnumerable<TechSmeRegistration> registrations, int year) =>
        registrations.Where(r => r.Year == year).Select(r => r.CreditCode).Distinct(StringComparer.Ordinal).Count();
}
