using System.Globalization;
using System.Text.RegularExpressions;

namespace AnqingTechTransfer.Domain.Contracts;

/// <summary>
/// 合同登记编号 from a configurable pattern (DOMAIN.md §1.5). Default 16 digits: year(4) + region(6) + point(2) + serial(4).
/// Tokens: {yyyy} {yy} {region} {point} {seq} or {seqN} for an N-digit serial.
/// </summary>
public static partial class RegistrationNumber
{
    public const string DefaultPattern = "{yyyy}{region}{point}{seq4}";

    [GeneratedRegex(@"\{(yyyy|yy|region|point|seq(\d)?)\}")]
    private static partial Regex Token();

    public static string Format(string pattern, int year, string regionCode, string pointCode, int serial)
    {
        if (regionCode.Length != 6 || !regionCode.All(char.IsAsciiDigit))
        {
            throw new DomainException("登记编号需要6位数字的行政区划代码");
        }

        if (pointCode.Length != 2 || !pointCode.All(char.IsAsciiDigit))
        {
            throw new DomainException("登记点代码应为2位数字");
        }

        return Token().Replace(pattern, m => m.Groups[1].Value switch
        {
            "yyyy" => year.ToString("D4", CultureInfo.InvariantCulture),
            "yy" => (year % 100).ToString("D2", CultureInfo.InvariantCulture),
            "region" => regionCode,
            "point" => pointCode,
            _ => Serial(serial, m.Groups[2].Success ? int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) : 4),
        });
    }

    private static string Serial(int serial, int digits)
    {
        if (serial < 1 || serial.ToString(CultureInfo.InvariantCulture).Length > digits)
        {
            throw new DomainException($"本登记点本年度登记序号已超过{digits}位，请调整编号规则");
        }

        return serial.ToString("D" + digits, CultureInfo.InvariantCulture);
    }

    /// <summary>A short code printed on the certificate; with the number, it proves the certificate genuine.</summary>
    public static string VerificationCode(byte[] random) =>
        string.Concat(random.Take(8).Select(b => "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"[b % 32]));
}
