using System.Text.RegularExpressions;

namespace AnqingTechTransfer.Web.Features.Supervision.OpenData;

/// <summary>
/// The personal-data scan every open dataset passes before it is served (issue 24 §7): a text cell that holds an 18-character
/// resident ID number (with a valid check character and birth date), a mobile number, or the name of a person the portal
/// keeps in one of its personal fields (contacts of needs, results, organizations, carriers and registration points,
/// experts, users, commissioners, sanctioned persons) is withheld — replaced by <see cref="Withheld"/> — and reported.
/// Names are matched as 2–4 Han characters (a user's display name without its bracketed unit), so a title that quotes a
/// contact's name is caught while organization names are not mistaken for persons.
/// </summary>
public sealed partial class PersonalDataScan
{
    public const string Withheld = "（疑含个人信息，不予公开）";
    private const int MinName = 2;
    private const int MaxName = 4;

    private readonly HashSet<string> names;

    public PersonalDataScan(IEnumerable<string?> personalNames) =>
        names = personalNames.Select(PersonName).OfType<string>().ToHashSet(StringComparer.Ordinal);

    public int NameCount => names.Count;

    /// <summary>The person's name a personal field holds: the text before a bracket, trimmed, if it is 2–4 Han characters; otherwise none.</summary>
    public static string? PersonName(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var cut = raw.IndexOfAny(['（', '(']);
        var name = (cut >= 0 ? raw[..cut] : raw).Trim();
        return name.Length is >= MinName and <= MaxName && name.All(IsHan) ? name : null;
    }

    /// <summary>What a cell gives away, in Chinese, or null when it is clean.</summary>
    public string? Finding(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (IdNumber().Matches(text).Any(m => IsIdNumber(m.Value)))
        {
            return "身份证号码";
        }

        if (Mobile().IsMatch(text))
        {
            return "手机号码";
        }

        for (var start = 0; start < text.Length; start++)
        {
            for (var length = MinName; length <= MaxName && start + length <= text.Length; length++)
            {
                if (names.Contains(text.Substring(start, length)))
                {
                    return "个人姓名";
                }
            }
        }

        return null;
    }

    /// <summary>Withholds every text cell with a finding; returns the findings as (row, column, what).</summary>
    public IReadOnlyList<(int Row, int Column, string What)> Clean(List<object?[]> rows)
    {
        var findings = new List<(int, int, string)>();
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                if (rows[r][c] is string text && Finding(text) is { } what)
                {
                    rows[r][c] = Withheld;
                    findings.Add((r, c, what));
                }
            }
        }

        return findings;
    }

    private static bool IsHan(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf';

    /// <summary>An 18-character resident ID number: region, a real birth date, sequence and a valid check character (GB 11643).</summary>
    public static bool IsIdNumber(string s)
    {
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (s[i] - '0') * weights[i];
        }

        return "10X98765432"[sum % 11] == char.ToUpperInvariant(s[17])
            && DateOnly.TryParseExact(s.Substring(6, 8), "yyyyMMdd", out _);
    }

    [GeneratedRegex(@"(?<![0-9A-Za-z])[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])")]
    private static partial Regex IdNumber();

    [GeneratedRegex(@"(?<!\d)1[3-9]\d{9}(?!\d)")]
    private static partial Regex Mobile();
}
