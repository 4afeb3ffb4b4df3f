using Microsoft.Playwright;

namespace AnqingTechTransfer.BrowserTests;

[Collection(BrowserCollection2.Name)]
public class ContractJourneyTests(BrowserFixture fx)
{
    [Fact]
    public async Task An_enterprise_files_a_contract_a_registrar_registers_it_and_the_county_sees_it_in_its_output()
    {
        var year = Web.Features.Shared.Display.Local(fx.Factory.Clock.GetUtcNow()).Year;
        await using var county = await PortalPage.OpenAsync(fx);
        await county.SignInAsync("county.huaining");
        await county.GoAsync($"/contracts/stats?year={year}");
        var before = int.Parse((await county.Page.TextContentAsync("#region-table tr[data-region='340822'] .output-count"))!.Trim());

        await using var enterprise = await PortalPage.OpenAsync(fx);
        enterprise.Page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await enterprise.SignInAsync("ent.a");
        await enterprise.GoAsync("/contracts");
        await enterprise.Page.ClickAsync("#new-contract");
        var form = enterprise.Page;
        await form.FillAsync("#ProjectName", "浏览器测试：绿色催化材料委托开发");
        await form.SelectOptionAsync("#RegistrationPointId", new SelectOptionValue { Label = "安庆市技术合同登记点（市科技成果转化服务中心）" });
        await form.SelectOptionAsync("#Type", "Development");
        await form.SelectOptionAsync("#SubType", "CommissionedDevelopment");
        await form.SelectOptionAsync("#SellerNatureCode", "150");
        await form.FillAsync("#BuyerName", "桐城市示范材料有限公司");
        await form.FillAsync("#BuyerCreditCode", Domain.Organizations.CreditCode.Complete("91340881MA2T00001"));
        await form.FillAsync("#BuyerDivisionCode", "340881");
        await form.SelectOptionAsync("#BuyerNatureCode", "170");
        await form.SelectOptionAsync("#TechnicalFieldCode", "06");
        await form.SelectOptionAsync("#IpTypeCode", "01");
        await form.SelectOptionAsync("#PlanSourceCode", "08");
        await form.SelectOptionAsync("#SocioEconomicGoalCode", "10");
        await form.FillAsync("#SignedOn", $"{year}-01-05");
        await form.FillAsync("#ValidFrom", $"{year}-01-05");
        await form.FillAsync("#ValidTo", $"{year + 1}-01-04");
        await form.FillAsync("#ContractAmount", "86.5");
        await form.FillAsync("#Deductions_0__Item", "试验原料");
        await form.FillAsync("#Deductions_0__Amount", "6.5");
        await form.SelectOptionAsync("#PaymentMode", "LumpSumInstalments");
        await enterprise.ExpectCleanAsync("the filing form");
        await enterprise.ScreenshotAsync("contract-form-1366");
        await form.ClickAsync("#submit-contract-btn");
        await form.WaitForSelectorAsync("#contract-status");
        (await form.TextContentAsync("#contract-status")).Should().Be("已提交");
        (await form.TextContentAsync("#tech-amount")).Should().Contain("80.00 万元");
        var url = form.Url;

        await using var registrar = await PortalPage.OpenAsync(fx);
        registrar.Page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await registrar.SignInAsync("registrar.city");
        // Issue 22 §5: the queue's tabs; the new submission is on 待受理 (oldest first), so it is on the tab's pages, counted.
        await registrar.GoAsync("/workspace");
        await registrar.Page.ClickAsync("#todo-list a:has-text('待受理的合同')");
        await registrar.Page.WaitForSelectorAsync("#tab-Intake.active");
        (await registrar.Page.GetAttributeAsync("#tab-Intake", "data-count")).Should().NotBe("0");
        await registrar.ExpectCleanAsync("the registrar's queue");
        await registrar.ScreenshotAsync("contract-queue-1366");
        await registrar.Page.SetViewportSizeAsync(390, 844);
        await registrar.Page.ReloadAsync();
        await registrar.ExpectCleanAsync("the registrar's queue on a phone");
        await registrar.ScreenshotAsync("contract-queue-390");
        await registrar.Page.GotoAsync(url);
        await registrar.ExpectCleanAsync("the contract's details on a phone");
        await registrar.ScreenshotAsync("contract-details-390");
        await registrar.Page.SetViewportSizeAsync(1366, 900);
        await registrar.Page.ReloadAsync();
        (await registrar.Page.TextContentAsync("#expected-investment")).Should().NotBeNull();
        await registrar.ScreenshotAsync("contract-details-1366");
        await registrar.Page.ClickAsync("#accept-btn");
        await registrar.Page.ClickAsync("#review-btn");
        await registrar.Page.FillAsync("#approve-remark", "符合技术开发合同认定条件");
        await registrar.Page.ClickAsync("#approve-btn");
        await registrar.Page.WaitForSelectorAsync("#flash-success");
        (await registrar.Page.TextContentAsync("#contract-status")).Should().Be("已登记");
        var number = (await registrar.Page.TextContentAsync("#registration-number"))!.Trim();
        number.Should().MatchRegex(@"^\d{16}$");
        await registrar.ExpectCleanAsync("the registered contract");
        await registrar.ScreenshotAsync("contract-registered-1366");
        await registrar.Page.ClickAsync("#certificate-link");
        await registrar.ScreenshotAsync("contract-certificate-1366");

        await county.GoAsync($"/contracts/stats?year={year}");
        var after = int.Parse((await county.Page.TextContentAsync("#region-table tr[data-region='340822'] .output-count"))!.Trim());
        after.Should().Be(before + 1, "the new registration counts in 怀宁县's 输出");
        await county.ExpectCleanAsync("the statistics page");
        await county.ScreenshotAsync("contract-stats-1366");
        await county.Page.SetViewportSizeAsync(390, 844);
        await county.Page.ReloadAsync();
        await county.ScreenshotAsync("contract-stats-390");
    }

    [Fact]
    public async Task The_bureau_pages_of_the_module_are_accessible()
    {
        await using var page = await PortalPage.OpenAsync(fx);
        await page.SignInAsync("bureau");
        foreach (var (path, name) in new[] { ("/contracts", "contracts"), ("/registration-points", "points"), ("/registration-points/new", "point-new"),
                     ("/registration-points/calendar?year=2026", "calendar"), ("/contracts/import", "import"), ("/contracts/verify", "verify"), ("/enterprises", "enterprises") })
        {
            await page.GoAsync(path);
            (await page.Page.Locator("#error-page").CountAsync()).Should().Be(0, path);
            await page.ExpectCleanAsync(path);
            await page.ScreenshotAsync($"bureau-{name}-1366");
        }
    }
}
