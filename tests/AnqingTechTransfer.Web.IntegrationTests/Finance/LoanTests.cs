using System.Net;
using AnqingTechTransfer.Domain.Enterprises;
using AnqingTechTransfer.Domain.Finance;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.IntegrationTests.Finance;

public class LoanTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    private async Task<Guid> ProductAsync(string name)
    {
        var bank = await fx.As("bank.a");
        (await bank.PostFormAsync("/finance/products/new", new()
        {
            ["Name"] = name, ["Kind"] = "Research", ["RateMin"] = "3.2", ["RateMax"] = "4.5", ["AmountMin"] = "50", ["AmountMax"] = "1000", ["TermMonths"] = "36",
            ["Requires"] = "HighTech",
        }, "/finance/products/new")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        return await fx.WithDbAsync((db, _) => db.LoanProducts.Where(p => p.Name == name).Select(p => p.Id).SingleAsync());
    }

    [Fact]
    public async Task A_bank_publishes_a_product_an_eligible_enterprise_applies_and_is_approved_and_an_ineligible_one_is_told_why()
    {
        var bank = await fx.As("bank.a");
        var bad = await bank.PostFormAsync("/finance/products/new", new()
        {
            ["Name"] = "区间错误", ["Kind"] = "Research", ["RateMin"] = "5", ["RateMax"] = "4", ["AmountMin"] = "50", ["AmountMax"] = "100", ["TermMonths"] = "12",
        }, "/finance/products/new");
        PortalClient.Parse(await bad.Content.ReadAsStringAsync()).QuerySelector("[data-valmsg-for=RateMax]")!.TextContent.Should().Contain("下限不高于上限");

        var productId = await ProductAsync("高企研发贷（测试）");
        // The product asks for 高新技术企业: ent.a's certificate is still waiting for its county, so it may not apply yet;
        // once the certificate is confirmed, it may.
        var ent = await fx.As("ent.a");
        var url = $"/finance/products/{productId}";
        (await ent.GetPageAsync(url)).QuerySelector("#ineligible")!.TextContent.Should().Contain("高新技术企业");
        await ent.PostFormAsync($"{url}/applications", new() { ["amount"] = "300", ["purpose"] = "中试线建设" }, url);
        (await fx.WithDbAsync((db, _) => db.LoanApplications.CountAsync(a => a.ProductId == productId))).Should().Be(0, "an ineligible enterprise cannot apply");
        await fx.WithDbAsync(async (db, _) =>
        {
            var record = await db.HighTechRecords.SingleAsync(r => r.Number == "GR202534000321");
            record.Confirm();
            await db.SaveChangesAsync();
        });
        (await ent.GetPageAsync(url)).QuerySelector("#ineligible").Should().BeNull();
        await ent.PostFormAsync($"{url}/applications", new() { ["amount"] = "5000", ["purpose"] = "中试线建设" }, url);
        (await ent.GetPageAsync(url)).QuerySelector(".alert-danger")!.TextContent.Should().Contain("申请金额应在");
        await ent.PostFormAsync($"{url}/applications", new() { ["amount"] = "300", ["purpose"] = "中试线建设" }, url);
        var application = await fx.WithDbAsync((db, _) => db.LoanApplications.AsNoTracking().SingleAsync(a => a.ProductId == productId));
        application.HeldAtApplication.Should().HaveFlag(Qualifications.HighTech);

        (await (await fx.As("ent.b")).GetPageAsync(url)).QuerySelector("#ineligible")!.TextContent.Should().Contain("不具备");
        (await (await fx.As("ent.b")).PostFormAsync($"/finance/applications/{application.Id}/decide", new() { ["approve"] = "true", ["version"] = application.Version.ToString() },
            "/finance/applications")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        await bank.PostFormAsync($"/finance/applications/{application.Id}/decide", new()
            { ["approve"] = "true", ["amount"] = "300", ["rate"] = "3.8", ["version"] = application.Version.ToString() }, "/finance/applications");
        var approved = await fx.WithDbAsync((db, _) => db.LoanApplications.AsNoTracking().SingleAsync(a => a.Id == application.Id));
        approved.Status.Should().Be(LoanStatus.Approved);
        await bank.PostFormAsync($"/finance/applications/{application.Id}/disburse", new() { ["version"] = approved.Version.ToString() }, "/finance/applications");
        var disbursed = await fx.WithDbAsync((db, _) => db.LoanApplications.AsNoTracking().SingleAsync(a => a.Id == application.Id));
        await bank.PostFormAsync($"/finance/applications/{application.Id}/repay", new() { ["principal"] = "100", ["version"] = disbursed.Version.ToString() },
            "/finance/applications");
        (await fx.WithDbAsync((db, _) => db.LoanApplications.AsNoTracking().SingleAsync(a => a.Id == application.Id))).Outstanding.Should().Be(200);
        (await (await fx.As("county.huaining")).GetPageAsync("/finance/applications")).QuerySelector("#loan-table")!.TextContent.Should().Contain("安庆华宁新材料科技有限公司");
        (await (await fx.As("county.qianshan")).GetPageAsync("/finance/applications")).QuerySelector("#loan-table")!.TextContent.Should().NotContain("安庆华宁新材料科技有限公司");
    }

    [Fact]
    public async Task A_bank_never_sees_another_banks_products_in_draft_or_the_applications_to_them()
    {
        var (otherApplication, otherProduct) = await fx.WithDbAsync(async (db, _) =>
        {
            var now = fx.Clock.GetUtcNow();
            var otherBank = Organization.Create(OrganizationKind.Bank, "安庆另一银行科技支行", CreditCode.Complete("91340802MA2N0090" + "1"), "340802", now, OrganizationStatus.Active);
            db.Organizations.Add(otherBank);
            var product = LoanProduct.Create(otherBank.Id, otherBank.Name, "另一银行人才贷", LoanKind.Talent, 3, 4, 10, 200, 24, Qualifications.None, "", now);
            var entB = await db.Organizations.SingleAsync(o => o.Name == "潜山舒源生物医药有限公司");
            var application = LoanApplication.Apply(product, entB.Id, entB.Name, entB.CreditCode, entB.RegionCode, Qualifications.None, 50, "引进人才", now);
            product.Withdraw();
            db.LoanProducts.Add(product);
            db.LoanApplications.Add(application);
            await db.SaveChangesAsync();
            return (application.Id, product.Id);
        });
        var bank = await fx.As("bank.a");
        (await bank.GetPageAsync("/finance/applications")).QuerySelector("#loan-table")!.TextContent.Should().NotContain("引进人才");
        (await bank.GetAsync($"/finance/products/{otherProduct}")).StatusCode.Should().Be(HttpStatusCode.NotFound, "a withdrawn product is its bank's only");
        (await bank.PostFormAsync($"/finance/applications/{otherApplication}/decide", new() { ["approve"] = "false", ["reason"] = "x", ["version"] = "0" }, "/finance/applications"))
            .StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await (await fx.As("ent.b")).GetPageAsync("/finance/applications")).QuerySelector("#loan-table")!.TextContent.Should().Contain("引进人才", "the enterprise sees its own");
    }
}
