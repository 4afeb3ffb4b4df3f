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
/// The figures-by-date ledger (issue 22): one signed row per change to what a contract counts for — +1 and its amounts
/// when it is registered, −old +new when a 变更登记 is approved, −1 when it is cancelled — dated by the contract's
/// figures_from and classified as the contract was (type, field, point, counties or parks). Written by the same trigger as
/// contract_month_totals, which is its sum by month; the statistics page sums it by year, type, field and point.
/// </summary>
public class ContractFigureMove
{
    public long Id { get; private set; }
    public Guid ContractId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public Domain.Contracts.TechContractType Type { get; private set; }
    public string TechnicalFieldCode { get; private set; } = string.Empty;
    public Guid RegistrationPointId { get; private set; }
    public string? SellerRegionCode { get; private set; }
    public string? BuyerRegionCode { get; private set; }
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
