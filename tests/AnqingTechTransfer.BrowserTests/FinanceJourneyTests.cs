using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AnqingTechTransfer.BrowserTests;

/// <summary>A bank publishes a loan product; an eligible enterprise applies and is approved; an ineligible one is told why.</summary>
[Collection(BrowserCollection.Name)]
public class FinanceJourneyTests(BrowserFixture fx)
{
    private const string Product = "旅程测试：高企科技研发贷";

    [Fact]
    public async Task A_bank_publishes_a_product_an_eligible_enterprise_is_approved_and_an_ineligible_one_is_told_why()
    {
        // Arrangement: 怀宁县 has confirmed ent.a's high-tech certificate.
        using (CurrentActor.BeginSystemScope())
        using (var scope = fx.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var record = await db.HighTechRecords.SingleAsync(r => r.Number == "GR202534000321");
            if (record.Confirmation == Domain.Enterprises.Confirmation.Pending)
            {
                record.Confirm();
                await db.SaveChangesAsync();
            }
        }

        string productUrl;
        await using (var bank = await PortalPage.OpenAsAsync(fx, "bank.a"))
        {
            await bank.GoAsync("/finance/products/new");
            await bank.Page.FillAsync("#Name", Product);
            await bank.Page.FillAsync("#RateMin", "3.2");
            await bank.Page.FillAsync("#RateMax", "4.5");
            await bank.Page.FillAsync("#AmountMin", "50");
            await bank.Page.FillAsync("#AmountMax", "1000");
            await bank.Page.FillAsync("#TermMonths", "36");
            await bank.Page.CheckAsync("#requires-HighTech");
            await bank.Page.FillAsync("#Description", "面向高新技术企业的信用贷款，无需抵押。");
            await bank.ExpectCleanAsync("the product form");
            await bank.Page.ClickAsync("#save-product");
            (await bank.Page.TextContentAsync("#requires")).Should().Be("高新技术企业");
            productUrl = new Uri(bank.Page.Url).AbsolutePath;
        }

        await using (var visitor = await PortalPage.OpenAsync(fx))
        {
            await visitor.GoAsync("/finance");
            (await visitor.Page.TextContentAsync("#product-table")).Should().Contain(Product);
            await visitor.ExpectCleanAsync("the public products");
            await visitor.ScreenshotAsync("finance-products-1366");
        }

        await using (var ineligible = await PortalPage.OpenAsAsync(fx, "ent.b"))
        {
            await ineligible.GoAsync(productUrl);
            (await ineligible.Page.TextContentAsync("#ineligible")).Should().Contain("高新技术企业");
            (await ineligible.Page.Locator("#apply-form").CountAsync()).Should().Be(0);
            await ineligible.ExpectCleanAsync("a product an enterprise is not eligible for");
            await ineligible.ScreenshotAsync("finance-ineligible-1366");
        }

        await using (var enterprise = await PortalPage.OpenAsAsync(fx, "ent.a"))
        {
            await enterprise.GoAsync(productUrl);
            await enterprise.Page.FillAsync("#amount", "300");
            await enterprise.Page.FillAsync("#purpose", "中试线建设和研发人员费用");
            await enterprise.Page.ClickAsync("#apply-btn");
            (await enterprise.Page.TextContentAsync($"#loan-table tr:has-text('{Product}') .loan-status")).Should().StartWith("待审批");
        }

        await using (var bank = await PortalPage.OpenAsAsync(fx, "bank.a"))
        {
            await bank.GoAsync("/finance/applications?status=Applied");
            var row = bank.Page.Locator($"#loan-table tr:has-text('{Product}')");
            await row.Locator("input[name=rate]").FillAsync("3.8");
            await row.Locator("button:has-text('批准')").ClickAsync();
            (await bank.Page.TextContentAsync($"#loan-table tr:has-text('{Product}') .loan-status")).Should().StartWith("已批准");
            await bank.ExpectCleanAsync("the bank's applications");
            await bank.ScreenshotAsync("finance-bank-applications-1366");
        }
    }
}
