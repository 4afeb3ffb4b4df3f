using System.Globalization;

namespace AnqingTechTransfer.Domain.Contracts;

/// <summary>One field a 变更登记 changes, as the registrar and the history read it (Chinese label, before, after).</summary>
public sealed record ContractChange(string Field, string Before, string After);

/// <summary>
/// What differs between two versions of a contract's terms, field by field as the registration form names them: the amounts
/// (成交额, 技术交易额, deductions), the parties, the dates and the classification.
/// </summary>
public static class ContractChanges
{
    public static IReadOnlyList<ContractChange> Compare(ContractTerms before, ContractTerms after)
    {
        var changes = new List<ContractChange>();
        void Add(string field, string was, string now)
        {
            if (was != now)
            {
                changes.Add(new ContractChange(field, was, now));
            }
        }

        Add("项目名称", before.ProjectName.Trim(), after.ProjectName.Trim());
        Add("合同类别", TypeText(before), TypeText(after));
        Add("卖方", PartyText(before.Seller), PartyText(after.Seller));
        Add("买方", PartyText(before.Buyer), PartyText(after.Buyer));
        Add("技术领域", before.TechnicalFieldCode, after.TechnicalFieldCode);
        Add("知识产权类型", before.IpTypeCode, after.IpTypeCode);
        Add("计划来源", before.PlanSourceCode, after.PlanSourceCode);
        Add("社会经济目标", before.SocioEconomicGoalCode, after.SocioEconomicGoalCode);
        Add("签订日期", Date(before.SignedOn), Date(after.SignedOn));
        Add("有效期", $"{Date(before.ValidFrom)} 至 {Date(before.ValidTo)}", $"{Date(after.ValidFrom)} 至 {Date(after.ValidTo)}");
        Add("成交额", WanYuan(before.ContractAmount), WanYuan(after.ContractAmount));
        Add("非技术性扣除", DeductionText(before.Deductions), DeductionText(after.Deductions));
        Add("技术交易额", WanYuan(TechAmount(before)), WanYuan(TechAmount(after)));
        Add("支付方式", Enum.IsDefined(before.PaymentMode) ? before.PaymentMode.Name() : "—", Enum.IsDefined(after.PaymentMode) ? after.PaymentMode.Name() : "—");
        Add("中介机构", before.BrokerName ?? "—", after.BrokerName ?? "—");
        Add("预计新增投入", Optional(before.ExpectedInvestment), Optional(after.ExpectedInvestment));
        Add("预计新增产值", Optional(before.ExpectedOutput), Optional(after.ExpectedOutput));
        return changes;
    }

    public static decimal TechAmount(ContractTerms terms) => terms.ContractAmount - terms.Deductions.Sum(d => d.Amount);

    private static string TypeText(ContractTerms t)
    {
        var text = Enum.IsDefined(t.Type) ? t.Type.Name() : "—";
        if (t.SubType is { } sub)
        {
            text += " / " + sub.Name();
        }

        if (t.Type == TechContractType.Licence && t.LicenceScope is { } scope)
        {
            text += "（" + scope.Name() + "）";
        }

        return text + (t.IsTechnologyImport ? "，技术进口" : string.Empty);
    }

    private static string PartyText(ContractParty p) =>
        $"{p.Name}（{(p.CreditCode.Length > 0 ? p.CreditCode : "无代码")}，{p.CountryCode}{(p.RegionCode.Length > 0 ? " " + p.RegionCode : string.Empty)}，性质 {p.NatureCode}）";

    private static string DeductionText(IReadOnlyList<Deduction> deductions) =>
        deductions.Count == 0 ? "无" : string.Join("；", deductions.Select(d => $"{d.Item} {WanYuan(d.Amount)}"));

    private static string Date(DateOnly date) => date == default ? "—" : date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string WanYuan(decimal amount) => amount.ToString("0.####", CultureInfo.InvariantCulture) + " 万元";

    private static string Optional(decimal? amount) => amount is { } a ? WanYuan(a) : "—";
}
