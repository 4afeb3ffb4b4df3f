using AnqingTechTransfer.Domain.Enterprises;
using AnqingTechTransfer.Domain.Finance;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.IntegrationTests.Finance;

public class EligibilityTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task An_enterprise_registered_after_the_provincial_import_finds_its_qualifications_once_approved()
    {
        var today = DateOnly.FromDateTime(fx.Clock.GetUtcNow().AddHours(8).UtcDateTime);
        // ent.new (皖河智能) registered and waits for 怀宁县's approval; the provincial lists were imported before it registered:
        // its 高新技术企业 certificate under 怀宁, its 科技型中小企业 entry filed under 潜山 — neither linked to an organization.
        var (organizationId, version, productId, code) = await fx.WithDbAsync(async (db, _) =>
        {
            var now = fx.Clock.GetUtcNow();
            var org = await db.Organizations.SingleAsync(o => o.Name == "怀宁县皖河智能装备有限公司");
            org.Status.Should().Be(OrganizationStatus.Pending);
            db.HighTechRecords.Add(HighTechRecord.Create(org.CreditCode, org.Name, "340822", null, "GR202534000777", today.AddYears(-1), HighTechMode.Recognition, "02",
                QualificationSource.Imported, now));
            db.TechSmeRecords.Add(TechSmeRecord.Create(org.CreditCode, org.Name, "340882", null, today.Year, "202534088200777", QualificationSource.Imported, now));
            var bank = await db.Organizations.SingleAsync(o => o.Name == "安庆示范农商银行科技支行");
            var product = LoanProduct.Create(bank.Id, bank.Name, "高企专享贷", LoanKind.Research, 3, 4, 10, 1000, 12, Qualifications.HighTech | Qualifications.TechSme, "",
                now);
            db.LoanProducts.Add(product);
            await db.SaveChangesAsync();
            return (org.Id, org.Version, product.Id, org.CreditCode);
        });

        var county = await fx.As("county.huaining");
        await county.PostFormAsync($"/organizations/{organizationId}/approve", new() { ["Version"] = version.ToString() });

        var linked = await fx.WithDbAsync(async (db, _) =>
            (await db.HighTechRecords.CountAsync(r => r.CreditCode == code && r.OrganizationId == organizationId),
                await db.TechSmeRecords.CountAsync(r => r.CreditCode == code && r.OrganizationId == organizationId)));
        linked.Should().Be((1, 1), "approval links both, even the one filed under another region");

        var enterprise = await fx.SignInAsync("ent.new");
        var page = await enterprise.GetPageAsync($"/finance/products/{productId}");
        page.QuerySelector("#ineligible").Should().BeNull("the imported 高新技术企业 certificate now counts");
    }
}
