namespace AnqingTechTransfer.BrowserTests;

[Collection(BrowserCollection.Name)]
public class QualificationJourneyTests(BrowserFixture fx)
{
    [Fact]
    public async Task A_county_marks_an_enterprise_for_cultivation_and_sees_the_gaps_to_close()
    {
        await using var page = await PortalPage.OpenAsync(fx);
        await page.SignInAsync("county.huaining");
        await page.GoAsync("/enterprises/cultivation");
        await page.ExpectCleanAsync("the cultivation pool");
        await page.ScreenshotAsync("cultivation-county.huaining-1366");

        await page.Page.ClickAsync("#new-cultivation");
        await page.Page.FillAsync("#EnterpriseName", "怀宁县浏览器测试科技有限公司");
        await page.Page.FillAsync("#CreditCode", Domain.Organizations.CreditCode.Complete("91340822MA2Y00099"));
        await page.Page.FillAsync("#Revenue", "3000");
        await page.Page.FillAsync("#RdRatio", "4.2");
        await page.Page.FillAsync("#TechStaffRatio", "8");
        await page.Page.ClickAsync("#save-cultivation");
        await page.Page.WaitForSelectorAsync("#gaps");
        (await page.Page.TextContentAsync("#gaps")).Should().Contain("差 0.8 个百分点").And.Contain("科技人员占比 8%，低于 10%");
        await page.Page.FillAsync("#text", "上门辅导研发费用归集");
        await page.Page.ClickAsync("#save-note");
        await page.Page.WaitForSelectorAsync("#notes li");
        await page.ExpectCleanAsync("a cultivated enterprise");
        await page.ScreenshotAsync("cultivation-detail-1366");

        await page.Page.SetViewportSizeAsync(390, 844);
        await page.GoAsync("/enterprises/tech-sme");
        await page.ExpectCleanAsync("the phone tech-SME list");
        await page.ScreenshotAsync("tech-sme-county.huaining-390");
    }

    [Fact]
    public async Task The_bureau_opens_target_management_and_the_list_import()
    {
        await using var page = await PortalPage.OpenAsync(fx);
        await page.SignInAsync("bureau");
        await page.GoAsync("/targets?region=340822");
        (await page.Page.TextContentAsync("h1")).Should().Contain("怀宁县");
        await page.ExpectCleanAsync("target management");
        await page.ScreenshotAsync("targets-bureau-1366");

        await page.GoAsync("/enterprises/import");
        await page.ExpectCleanAsync("the provincial list import");
        await page.ScreenshotAsync("qualification-import-bureau-1366");

        await page.GoAsync("/enterprises/specialized");
        await page.ExpectCleanAsync("the specialized list");
        await page.ScreenshotAsync("specialized-bureau-1366");
    }
}
