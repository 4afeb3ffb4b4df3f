namespace AnqingTechTransfer.Domain.Contracts;

/// <summary>
/// A buyer or seller as the national form records it (DOMAIN.md §1.5). CountryCode is the 3-digit 国别（地区）代码 of the
/// customs country/region code table the form's 填写说明 names (CodeTableCatalog.CountryRegion), where 中国 is 142.
/// </summary>
public sealed record ContractParty(string Name, string CreditCode, string CountryCode, string RegionCode, string NatureCode)
{
    /// <summary>中国 in the 国别（地区）代码表 (海关).</summary>
    public const string China = "142";

    /// <summary>What the portal stored for 中国 before issue 22 (the ISO 3166 numeric code); migrated to <see cref="China"/>.</summary>
    public const string LegacyChina = "156";

    /// <summary>A mainland party: it has a 统一社会信用代码 and a 6-digit 行政区划代码. 港澳台 (110, 121, 143) are not.</summary>
    public bool IsDomestic => CountryCode == China;

    /// <summary>The code as the table knows it: the legacy ISO "156" becomes "142"; any other code is returned unchanged.</summary>
    public static string CurrentCountryCode(string code) => code.Trim() == LegacyChina ? China : code.Trim();
}
