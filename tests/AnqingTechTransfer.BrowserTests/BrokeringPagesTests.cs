namespace AnqingTechTransfer.BrowserTests;

/// <summary>Issue 24 §8: 怀宁县 sees its enterprises' needs with the suggested results and brokers one pair.</summary>
[Collection(BrowserCollection.Name)]
public class BrokeringPagesTests(BrowserFixture fx)
{
    [Fact]
    public async Task A_county_sees_the_suggestions_with_their_reasons_and_brokers_a_pair()
    {
        await using var county = await PortalPage.OpenAsAsync(fx, "county.huaining");
        await county.GoAsync("/docking/suggestions");
        (await county.Page.TextContentAsync("main")).Should().Contain("撮合对接").And.Contain("匹配度");
        await county.ExpectCleanAsync("the county's suggestions");
        await county.ScreenshotAsync("brokering-suggestions-1366");
        await county.Page.SetViewportSizeAsync(390, 844);
        await county.Page.ReloadAsync();
        await county.ExpectCleanAsync("the suggestions on a phone");
        await county.ScreenshotAsync("brokering-suggestions-390");
        await county.Page.SetViewportSizeAsync(1366, 900);

        var form = county.Page.Locator(".broker-form").First;
        await form.Locator("input[name=message]").FillAsync("双方技术领域和合作方式相符，建议面谈");
        await form.Locator("button[type=submit]").ClickAsync();
        await county.Page.WaitForSelectorAsync("#docking-broker");
        (await county.Page.TextContentAsync("#docking-broker")).Should().Contain("经纪撮合");
        (await county.Page.TextContentAsync("#broker-answers")).Should().Contain("需求方尚未接受");
        await county.ExpectCleanAsync("a brokered docking");
        await county.ScreenshotAsync("brokering-docking-1366");
    }
}
