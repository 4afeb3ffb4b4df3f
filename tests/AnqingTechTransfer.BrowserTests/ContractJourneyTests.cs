using Microsoft.Playwright;

namespace AnqingTechTransfer.BrowserTests;

[Collection(BrowserCollection2.Name)]
public class ContractJourneyTests(BrowserFixture fx)
{
    [Fact]
    public async Task An_enterprise_files_a_registrar_corrects_a_deduction_and_registers_the_county_sees_the_output_and_a_visitor_verifies_the_PDF()
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
        // The form's footer (issue 22): 填报日期 comes filled with today.
        await form.FillAsync("#ResponsiblePerson", "王建国");
        await form.FillAsync("#FilledBy", "李晓红");
        (await form.InputValueAsync("#FilledOn")).Should().NotBeEmpty();
        // Issue 22 §4: the contract text is required; a submission without it stays on the form with the message at the field.
        await form.ClickAsync("#submit-contract-btn");
        await form.WaitForSelectorAsync("[data-valmsg-for='ContractTextFiles']:has-text('合同文本')");
        await form.SetInputFilesAsync("#ContractTextFiles", new FilePayload { Name = "合同文本.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray() });
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
        // Issue 22 §2: the registrar's 认定 — the declared 6.5 of 试验原料 becomes 8.5, and 2 of 专用设备 is added, each with its reason.
        await registrar.Page.ClickAsync("#assess-link");
        await registrar.Page.WaitForSelectorAsync("#assessment-form");
        await registrar.Page.FillAsync("#Items_0__Amount", "8.5");
        await registrar.Page.ClickAsync("#assess-btn");
        await registrar.Page.WaitForSelectorAsync("[data-valmsg-for='Items[0].Reason']:has-text('请说明理由')");
        await registrar.Page.FillAsync("#Items_0__Reason", "原料发票金额为8.5万元");
        await registrar.Page.FillAsync("#Items_1__Item", "专用设备");
        await registrar.Page.FillAsync("#Items_1__Amount", "2");
        await registrar.Page.FillAsync("#Items_1__Reason", "合同附件列明随合同交付的专用设备");
        await registrar.ExpectCleanAsync("the assessment form");
        await registrar.ScreenshotAsync("contract-assessment-1366");
        await registrar.Page.SetViewportSizeAsync(390, 844);
        await registrar.ScreenshotAsync("contract-assessment-390");
        await registrar.Page.SetViewportSizeAsync(1366, 900);
        await registrar.Page.ClickAsync("#assess-btn");
        await registrar.Page.WaitForSelectorAsync("#tech-amount-assessed");
        (await registrar.Page.TextContentAsync("#tech-amount")).Should().Contain("76.00 万元");
        (await registrar.Page.TextContentAsync("#declared-tech-amount")).Should().Contain("80.00 万元");
        await registrar.Page.FillAsync("#approve-remark", "符合技术开发合同认定条件");
        await registrar.Page.ClickAsync("#approve-btn");
        await registrar.Page.WaitForSelectorAsync("#flash-success");
        (await registrar.Page.TextContentAsync("#contract-status")).Should().Be("已登记");
        var number = (await registrar.Page.TextContentAsync("#registration-number"))!.Trim();
        number.Should().MatchRegex(@"^\d{16}$");
        await registrar.ExpectCleanAsync("the registered contract");
        await registrar.ScreenshotAsync("contract-registered-1366");
        await registrar.Page.ClickAsync("#certificate-page-link");
        await registrar.Page.WaitForSelectorAsync("#certificate-tech-amount");
        (await registrar.Page.TextContentAsync("#certificate-tech-amount")).Should().Be("76.00 万元", "the certificate carries the assessed figure");
        await registrar.ScreenshotAsync("contract-certificate-1366");

        // The enterprise downloads the PDF; an anonymous visitor opens the address its QR code holds.
        await enterprise.Page.GotoAsync(url);
        await enterprise.Page.ClickAsync("#certificate-page-link");
        var address = (await enterprise.Page.TextContentAsync("#verify-url"))!.Trim();
        var download = await enterprise.Page.RunAndWaitForDownloadAsync(() => enterprise.Page.ClickAsync("#certificate-pdf"));
        var file = Path.Combine(fx.ScreenshotDirectory, "contract-assessed-certificate.pdf");
        await download.SaveAsAsync(file);
        using (var pdf = UglyToad.PdfPig.PdfDocument.Open(file))
        {
            var text = string.Concat(pdf.GetPage(1).Letters.Select(l => l.Value).Where(c => !string.IsNullOrWhiteSpace(c)));
            text.Should().Contain(number).And.Contain("76.00万元").And.Contain(address);
        }

        await using (var visitor = await PortalPage.OpenAsync(fx, 390))
        {
            await visitor.Page.GotoAsync(address);
            (await visitor.Page.TextContentAsync("#verify-result")).Should().Contain("登记证明真实有效");
            (await visitor.Page.TextContentAsync("#verify-tech-amount")).Should().Be("76.00 万元");
            await visitor.ExpectCleanAsync("the verify result of the new registration");
            await visitor.ScreenshotAsync("contract-assessed-verify-390");
        }

        // Issue 22 §3: the seller asks for a 变更登记 of the amount; the registrar sees before → after and approves it.
        await enterprise.Page.GotoAsync(url);
        await enterprise.Page.ClickAsync("#request-change-link");
        await enterprise.Page.WaitForSelectorAsync("#change-form");
        await enterprise.Page.FillAsync("#ContractAmount", "96.5");
        await enterprise.Page.FillAsync("#ChangeReason", "补充协议增加中试验证内容，合同价款增加10万元");
        await enterprise.ExpectCleanAsync("the change request form");
        await enterprise.ScreenshotAsync("contract-change-form-1366");
        await enterprise.Page.SetViewportSizeAsync(390, 844);
        await enterprise.ScreenshotAsync("contract-change-form-390");
        await enterprise.Page.SetViewportSizeAsync(1366, 900);
        await enterprise.Page.ClickAsync("#submit-change-btn");
        await enterprise.Page.WaitForSelectorAsync("#flash-success");
        await registrar.Page.GotoAsync(url);
        await registrar.Page.WaitForSelectorAsync("#change-table");
        (await registrar.Page.TextContentAsync("#change-table")).Should().Contain("86.5").And.Contain("96.5")
            .And.Contain("76 万元", "the change starts from the assessed 技术交易额").And.Contain("86 万元");
        await registrar.ExpectCleanAsync("the pending change");
        await registrar.ScreenshotAsync("contract-change-pending-1366");
        await registrar.Page.ClickAsync("#approve-change-btn");
        await registrar.Page.WaitForSelectorAsync("#flash-success");
        (await registrar.Page.TextContentAsync("#contract-amount")).Should().Contain("96.50 万元");
        (await registrar.Page.TextContentAsync("#tech-amount")).Should().Contain("86.00 万元", "the registrar's assessed deductions stand");
        (await registrar.Page.TextContentAsync("#contract-history")).Should().Contain("变更登记");

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
