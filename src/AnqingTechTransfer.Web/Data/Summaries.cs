namespace AnqingTechTransfer.Web.Data;

/// <summary>
/// Registered contracts per Beijing-time month of registration and pair of seller and buyer counties or parks ('' when
/// outside Anqing). Kept by a PostgreSQL trigger in the same transaction as every write to tech_contracts, so the
/// cockpit is exact right after a registration or a cancellation (docs/decisions/0007-cockpit-summaries.md).
/// </summary>
public class ContractMonthTotal
{
    public DateOnly Month { get; private set; }
    public string SellerRegionCode { get; private set; } = string.Empty;
    public string BuyerRegionCode { get; private set; } = string.Empty;

    /// <summary>Registered elsewhere and imported from the provincial system: counts in 吸纳 only (issue 22).</summary>
    public bool IsImported { get; private set; }

    public int Contracts { get; private set; }
    public decimal ContractAmount { get; private set; }
    public decimal TechAmount { get; private set; }
}

/// <summary>
/// High-tech enterprises (valid confirmed certificate on 31 December, each credit code once) and tech-based SMEs
/// (confirmed registration of the year) per county or park and year. Recomputed for the affected regions by triggers in
/// the same transaction as every write to the qualification records.
/// </summary>
public class QualificationYearCount
{
    public string RegionCode { get; private set; } = string.Empty;
    public int Year { get; private set; }
    public int HighTech { get; private set; }
    public int TechSme { get; private set; }
}
