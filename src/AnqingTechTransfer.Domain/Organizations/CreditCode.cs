using System.Text.RegularExpressions;

namespace AnqingTechTransfer.Domain.Organizations;

public enum CreditCodeVerdict
{
    Valid,
    /// <summary>Right shape, wrong check character: real codes from early pilot regions do this, so it is only a warning.</summary>
    ChecksumMismatch,
    /// <summary>Not an 18-character code of the allowed alphabet: always an error.</summary>
    InvalidFormat,
}

/// <summary>统一社会信用代码 (GB 32100-2015), DOMAIN.md §4.1.</summary>
public static partial class CreditCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    [GeneratedRegex("^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$")]
    private static partial Regex Shape();

    /// <summary>Upper-cases and trims what a person typed; full-width characters are folded to ASCII.</summary>
    public static string Normalize(string? input) =>
        new string((input ?? string.Empty).Trim().Normalize(System.Text.NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c)).ToArray())
            .ToUpperInvariant();

    public static CreditCodeVerdict Check(string? input)
    {
        var code = Normalize(input);
        if (!Shape().IsMatch(code))
        {
            return CreditCodeVerdict.InvalidFormat;
        }

        return code[17] == ExpectedCheckCharacter(code) ? CreditCodeVerdict.Valid : CreditCodeVerdict.ChecksumMismatch;
    }

    public static char ExpectedCheckCharacter(string code)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = Alphabet.IndexOf(code[i]);
            if (value < 0)
            {
                throw new ArgumentException("not a credit-code character", nameof(code));
            }

            sum += value * Weights[i];
        }

        return Alphabet[(31 - sum % 31) % 31];
    }

    /// <summary>Appends the right check character to 17 characters (used for synthetic demo codes).</summary>
    public static string Complete(string first17) => first17 + ExpectedCheckCharacter(first17 + "0");

    /// <summary>Positions 3–8: the region code of the registration authority (not always the current address).</summary>
    public static string RegistrationRegion(string code) => Normalize(code).Substring(2, 6);

    public static string Message(CreditCodeVerdict verdict) => verdict switch
    {
        CreditCodeVerdict.InvalidFormat => "统一社会信用代码格式不正确：应为18位数字或大写字母（不含I、O、Z、S、V）",
        CreditCodeVerdict.ChecksumMismatch => "统一社会信用代码校验位不符，请核对；如确认无误，可由系统管理员核实后放行",
        _ => string.Empty,
    };
}
