using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.IntegrationTests.Contracts;

/// <summary>The filing form as ent.a fills it in the contract tests: a complete 委托开发 contract of 华宁新材料 (seller) and 舒源生物 (buyer).</summary>
public static class ContractFilingForms
{
    public static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray();

    public static async Task<Dictionary<string, string>> CompleteAsync(PortalFixture fx, string name, decimal amount = 120m, string intent = "submit") => new()
    {
        ["RegistrationPointId"] = (await fx.WithDbAsync((db, _) => db.RegistrationPoints.Where(p => p.Code == "01").Select(p => p.Id).SingleAsync())).ToString(),
        ["ProjectName"] = name,
        ["Type"] = nameof(TechContractType.Development),
        ["SubType"] = nameof(TechContractSubType.CommissionedDevelopment),
        ["SellerName"] = "安庆华宁新材料科技有限公司",
        ["SellerCreditCode"] = Domain.Organizations.CreditCode.Complete("91340822MA2N00501"),
        ["SellerCountryCode"] = "142",
        ["SellerDivisionCode"] = "340822",
        ["SellerNatureCode"] = "150",
        ["BuyerName"] = "潜山舒源生物医药有限公司",
        ["BuyerCreditCode"] = Domain.Organizations.CreditCode.Complete("91340882MA2N00502"),
        ["BuyerCountryCode"] = "142",
        ["BuyerDivisionCode"] = "340882",
        ["BuyerNatureCode"] = "150",
        ["TechnicalFieldCode"] = "06",
        ["IpTypeCode"] = "03",
        ["PlanSourceCode"] = "08",
        ["SocioEconomicGoalCode"] = "10",
        ["SignedOn"] = "2026-03-01",
        ["ValidFrom"] = "2026-03-01",
        ["ValidTo"] = "2027-02-28",
        ["ContractAmount"] = amount.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Deductions[0].Item"] = "检测设备",
        ["Deductions[0].Amount"] = "20",
        ["PaymentMode"] = nameof(PaymentMode.LumpSumInstalments),
        ["ResponsiblePerson"] = "王建国",
        ["FilledBy"] = "李晓红",
        ["FilledOn"] = "2026-03-01",
        ["Intent"] = intent,
    };

    public static Task<TechContract> LoadAsync(PortalFixture fx, string name) =>
        fx.WithDbAsync((db, _) => db.TechContracts.AsNoTracking().Include(c => c.Events).SingleAsync(c => c.ProjectName == name));

    /// <summary>One workflow step on the contract's page, with the version the user saw.</summary>
    public static async Task<HttpResponseMessage> ActAsync(PortalClient client, TechContract contract, string action, Dictionary<string, string>? more = null)
    {
        var form = new Dictionary<string, string>(more ?? []) { ["Version"] = contract.Version.ToString() };
        return await client.PostFormAsync($"/contracts/{contract.Id}/{action}", form);
    }
}
