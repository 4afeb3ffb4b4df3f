namespace AnqingTechTransfer.Domain.Contracts;

/// <summary>A buyer or seller as the national form records it (DOMAIN.md §1.5).</summary>
public sealed record ContractParty(string Name, string CreditCode, string CountryCode, string RegionCode, string NatureCode)
{
    public const string China = "156";

    public bool IsDomestic => CountryCode == China;
}
