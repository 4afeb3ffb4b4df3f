namespace AnqingTechTransfer.BrowserTests;

[Collection(BrowserCollection.Name)]
public class CockpitJourneyTests(BrowserFixture fx)
{
    [Theory]
    [InlineData("leader.city", "安庆市", true)]
    [InlineData("leader.huaining", "怀宁县", false)]
    public async Task A_leader_signs_in_lands_on_the_cockpit_of_their_scope_and_drills_down(string userName, string scope, bool city)
    {
        await using var page = await PortalPage.OpenAsync(fx);
        await page.SignInAsync(userName);
        page.Page.Url.Should().EndWith("/cockpit", "leaders land on their cockpit");
        (await page.Page.TextContentAsync("h1")).Should().Be($"领导驾驶舱 · {scope}");
        // The charts are drawn (ECharts served by the portal itself) and each has its table.
        await page.Page.WaitForSelectorAsync("#chart-monthly canvas");
        (await page.Page.Locator(".chart canvas").CountAsync()).Should().BeGreaterThanOrEqualTo(city ? 6 : 5);
        (await page.Page.Locator("#ranking-table").CountAsync()).Should().Be(city ? 1 : 0);
        await page.ExpectCleanAsync($"the cockpit of {userName}");
        await page.ScreenshotAsync($"cockpit-{userName}-1366");

        await page.Page.SetViewportSizeAsync(390, 844);
        await page.Page.ReloadAsync();
        await page.Page.WaitForSelectorAsync("#chart-monthly canvas");
        await page.ExpectCleanAsync($"the phone cockpit of {userName}");
        await page.ScreenshotAsync($"cockpit-{userName}-390");

        // Every number leads to the records it counts.
        await page.Page.SetViewportSizeAsync(1366, 900);
        await page.Page.ClickAsync("#indicator-table tr[data-indicator='hnte_count'] td.actual a");
        await page.Page.WaitForSelectorAsync("#drill-down");
        (await page.Page.TextContentAsync("#drill-down")).Should().Contain(scope);
        await page.Page.GoBackAsync();
        await page.Page.ClickAsync("#indicator-table tr[data-indicator='absorbed_amount'] td.actual a");
        page.Page.Url.Should().Contain("side=absorbed");

        await page.GoAsync("/cockpit/print");
        await page.ExpectCleanAsync($"the print view of {userName}");
        await page.ScreenshotAsync($"cockpit-print-{userName}-1366");
    }
}
