namespace AnqingTechTransfer.BrowserTests;

/// <summary>A pilot base publishes a service, an enterprise requests it, the base accepts and completes it; the agency ranking page.</summary>
[Collection(BrowserCollection.Name)]
public class CarrierJourneyTests(BrowserFixture fx)
{
    private const string Service = "旅程测试：催化剂连续化中试";

    [Fact]
    public async Task A_pilot_base_serves_an_enterprise_and_the_bureau_publishes_the_agency_ranking()
    {
        string carrierUrl;
        await using (var host = await PortalPage.OpenAsAsync(fx, "univ.buct"))
        {
            await host.GoAsync("/carriers?q=中试基地");
            await host.Page.ClickAsync("#carrier-table a:has-text('安庆化工新材料中试基地')");
            carrierUrl = new Uri(host.Page.Url).AbsolutePath;
            await host.Page.FillAsync("#title", Service);
            await host.Page.FillAsync("#equipment", "连续流微反应器、在线红外");
            await host.Page.FillAsync("#scale", "吨级");
            await host.Page.FillAsync("#priceRange", "10–40万元");
            await host.Page.ClickAsync("#publish-service");
            (await host.Page.TextContentAsync("#carrier-services")).Should().Contain(Service);
            await host.ExpectCleanAsync("a pilot base's page for its host");
            await host.ScreenshotAsync("carrier-host-1366");
        }

        await using (var enterprise = await PortalPage.OpenAsAsync(fx, "ent.a"))
        {
            await enterprise.GoAsync("/carriers/services");
            (await enterprise.Page.TextContentAsync("#service-table")).Should().Contain(Service);
            await enterprise.ExpectCleanAsync("the pilot services");
            await enterprise.GoAsync(carrierUrl);
            var item = enterprise.Page.Locator($"#carrier-services li:has-text('{Service}')");
            await item.Locator("input[name=need]").FillAsync("加氢催化剂连续化工艺验证，约3个月");
            await item.Locator("button:has-text('申请服务')").ClickAsync();
            (await enterprise.Page.TextContentAsync($"#request-table tr:has-text('{Service}') .request-status")).Should().Be("待受理");
        }

        await using (var host = await PortalPage.OpenAsAsync(fx, "univ.buct"))
        {
            await host.GoAsync("/carriers/requests");
            var row = host.Page.Locator($"#request-table tr:has-text('{Service}')");
            await row.Locator("input[name=reply]").FillAsync("下周一进场");
            await row.Locator("button:has-text('受理')").ClickAsync();
            row = host.Page.Locator($"#request-table tr:has-text('{Service}')");
            await row.Locator("input[name=outcome]").FillAsync("完成连续化工艺验证，收率提高5个百分点");
            await row.Locator("button:has-text('登记完成')").ClickAsync();
            (await host.Page.TextContentAsync($"#request-table tr:has-text('{Service}') .request-status")).Should().Be("已完成");
            await host.ExpectCleanAsync("the base's service requests");
            await host.ScreenshotAsync("carrier-requests-1366");
        }

        var year = DateTime.UtcNow.AddHours(8).Year;
        await using (var bureau = await PortalPage.OpenAsAsync(fx, "bureau"))
        {
            await bureau.GoAsync($"/carriers/ranking?year={year}");
            (await bureau.Page.TextContentAsync("#preview-table")).Should().Contain("安庆皖江技术转移中心");
            await bureau.Page.ClickAsync("#confirm-ranking");
            (await bureau.Page.TextContentAsync("#ranking-table")).Should().Contain("安庆皖江技术转移中心");
        }

        await using (var visitor = await PortalPage.OpenAsync(fx))
        {
            await visitor.GoAsync($"/carriers/ranking?year={year}");
            (await visitor.Page.Locator("#ranking-table tbody tr").CountAsync()).Should().BeGreaterThan(1);
            await visitor.ExpectCleanAsync("the public agency ranking");
            await visitor.ScreenshotAsync("carrier-ranking-1366");
        }
    }
}
