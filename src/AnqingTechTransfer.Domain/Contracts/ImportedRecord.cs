using System.Globalization;

namespace AnqingTechTransfer.Domain.Contracts;

/// <summary>
/// What the provincial export says of a contract registered elsewhere (吸纳): the fields an import sets and a corrected
/// re-import may change. Amounts in 万元; the export gives the 技术交易额 itself (no deductions).
/// </summary>
public sealed record ImportedRecord(
    string ProjectName,
    TechContractType Type,
    ContractParty Seller,
    ContractParty Buyer,
    string? SellerRegionCode,
    string? BuyerRegionCode,
    string TechnicalFieldCode,
    decimal ContractAmount,
    decimal TechAmount,
    DateOnly SignedOn,
    DateTimeOffset RegisteredAt,
    string? BrokerName,
    Guid? BrokerOrganizationId)
{
    /// <summary>"字段：旧值 → 新值" for every field that differs from the contract as it stands (empty when the row is unchanged).</summary>
    public IReadOnlyList<string> ChangesFrom(TechContract c)
    {
        var changes = new List<string>();
        void Compare(string label, string? before, string? after)
        {
            if ((before ?? string.Empty) != (after ?? string.Empty))
            {
                changes.Add($"{label}：{Shown(before)} → {Shown(after)}");
            }
        }

        Compare("项目名称", c.ProjectName, ProjectName);
        Compare("合同类别", c.Type.Name(), Type.Name());
        Compare("卖方名称", c.Seller.Name, Seller.Name);
        Compare("卖方统一社会信用代码", c.Seller.CreditCode, Seller.CreditCode);
        Compare("卖方国别（地区）代码", c.Seller.CountryCode, Seller.CountryCode);
        Compare("卖方所在地区代码", c.Seller.RegionCode, Seller.RegionCode);
        Compare("买方名称", c.Buyer.Name, Buyer.Name);
        Compare("买方统一社会信用代码", c.Buyer.CreditCode, Buyer.CreditCode);
        Compare("买方国别（地区）代码", c.Buyer.CountryCode, Buyer.CountryCode);
        Compare("买方所在地区代码", c.Buyer.RegionCode, Buyer.RegionCode);
        Compare("买方统计归属", c.BuyerRegionCode, BuyerRegionCode);
        Compare("技术领域", c.TechnicalFieldCode, TechnicalFieldCode);
        Compare("成交额（万元）", Amount(c.ContractAmount), Amount(ContractAmount));
        Compare("技术交易额（万元）", Amount(c.TechAmount), Amount(TechAmount));
        Compare("签订日期", Date(c.SignedOn), Date(SignedOn));
        Compare("登记日期", c.RegisteredAt is { } at ? Date(TechContract.BeijingDate(at)) : null, Date(TechContract.BeijingDate(RegisteredAt)));
        Compare("中介机构", c.BrokerName, BrokerName);
        return changes;
    }

    private static string Shown(string? value) => string.IsNullOrEmpty(value) ? "（空）" : value;

    private static string Amount(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
