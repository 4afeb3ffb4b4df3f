using System.Text.RegularExpressions;

namespace AnqingTechTransfer.Domain.Experts;

/// <summary>The identity numbers that resolve one person to one expert record: the resident ID number (GB 11643) and the mobile number.</summary>
public static partial class PersonalIds
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex MobilePattern();

    public static string Normalize(string value) => value.Trim().ToUpperInvariant().Replace(" ", string.Empty, StringComparison.Ordinal);

    /// <summary>An 18-character resident ID number: 17 digits, a valid birth date and the ISO 7064 check character.</summary>
    public static bool IsValidIdNumber(string value)
    {
        var id = Normalize(value);
        if (id.Length != 18 || !id[..17].All(char.IsAsciiDigit))
        {
            return false;
        }

        if (!DateOnly.TryParseExact(id.Substring(6, 8), "yyyyMMdd", out _))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (id[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11] == id[17];
    }

    /// <summary>Completes 17 digits with their check character (for synthetic test and demo identities).</summary>
    public static string CompleteIdNumber(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return first17 + CheckCharacters[sum % 11];
    }

    public static bool IsValidMobile(string value) => MobilePattern().IsMatch(Normalize(value));

    /// <summary>
    /// Shown instead of the number (GB/T 35273 去标识化 practice): an ID number keeps its 6-digit region and last 4
    /// (340802********1234), a mobile its first 3 and last 4 (138****5678), a bank account its first and last 4
    /// (6222***********1234); anything else its first 3 and last 4.
    /// </summary>
    public static string Mask(string value)
    {
        var v = Normalize(value);
        return v.Length switch
        {
            18 when IsValidIdNumber(v) => v[..6] + new string('*', 8) + v[^4..],
            >= 12 and <= 19 when v.All(char.IsAsciiDigit) => v[..4] + new string('*', v.Length - 8) + v[^4..],
            <= 7 => new string('*', v.Length),
            _ => v[..3] + new string('*', v.Length - 7) + v[^4..],
        };
    }

    /// <summary>A bank account number (借记卡/对公账户): 12 to 30 digits.</summary>
    public static bool IsValidBankAccount(string value)
    {
        var v = Normalize(value).Replace("-", string.Empty, StringComparison.Ordinal);
        return v.Length is >= 12 and <= 30 && v.All(char.IsAsciiDigit);
    }

    /// <summary>A phone shown on a page: a mobile masked (138****5678), an office line with its area code as it is.</summary>
    public static string MaskIfMobile(string? value) =>
        string.IsNullOrWhiteSpace(value) ? string.Empty : IsValidMobile(value) ? Mask(value) : value.Trim();
}
