namespace AnqingTechTransfer.BrowserTests;

/// <summary>
/// 供需对接 in the browser: an enterprise posts a need, its county publishes it, a university sees it suggested against its
/// result with the reasons, sends a docking request, and the enterprise accepts; both then see each other's contact.
/// </summary>
[Collection(BrowserCollection2.Name)]
public class MarketJourneyTests(BrowserFixture fx)
{
    private const string Need = "旅程测试：高纯度加氢催化剂中试";

    [Fact]
    public async Task An_enterprises_need_is_suggested_to_a_university_which_docks_and_the_enterprise_accepts()
    {
        // 1. The enterprise posts its need; a wrong phone is shown next to the field and nothing typed is lost.
        string needUrl;
        await using (var enterprise = await PortalPage.OpenAsAsync(fx, "ent.a"))
        {
            await enterprise.GoAsync("/needs/new");
            await enterprise.Page.FillAsync("#Title", Need);
            await enterprise.Page.FillAsync("#Summary", "需要选择性≥95%的加氢催化剂完成百公斤级中试，寻求高校院所委托开发。");
            await enterprise.Page.SelectOptionAsync("#FieldCode", "06");
            await enterprise.Page.FillAsync("#Keywords", "催化剂、加氢、中试");
            await enterprise.Page.CheckAsync("#mode-Commissioned");
            await enterprise.Page.FillAsync("#ContactName", "冯经理");
            await enterprise.Page.FillAsync("#ContactPhone", "0556-abc");
            await enterprise.Page.FillAsync("#BudgetMin", "80");
            await enterprise.Page.FillAsync("#BudgetMax", "200");
            await enterprise.Page.ClickAsync("#save-listing");
            (await enterprise.Page.TextContentAsync("[data-valmsg-for=ContactPhone]")).Should().Contain("联系电话");
            (await enterprise.Page.InputValueAsync("#Title")).Should().Be(Need);
            await enterprise.ExpectCleanAsync("the need form with an error");
            await enterprise.ScreenshotAsync("market-need-form-1366");
            await enterprise.Page.FillAsync("#ContactPhone", "13805560001");
            await enterprise.Page.ClickAsync("#save-listing");
            (await enterprise.Page.TextContentAsync("#listing-status")).Should().Be("待审核");
            needUrl = new Uri(enterprise.Page.Url).AbsolutePath;
        }

        // 2. 怀宁县 reviews and publishes it.
        await using (var county = await PortalPage.OpenAsAsync(fx, "county.huaining"))
        {
            await county.GoAsync("/needs/manage?status=Pending");
            await county.Page.ClickAsync($"#manage-table a:has-text('{Need}')");
            string? asked = null;
            county.Page.Dialog += (_, dialog) => asked = dialog.Message; // the journey's tab accepts it
            await county.Page.ClickAsync("#publish-btn");
            (await county.Page.TextContentAsync("#listing-status")).Should().Be("已发布");
            asked.Should().Be("审核通过后该信息将向社会公开，确定发布？", "publishing asks first (issue 25 §5)");
        }

        // 3. The public finds it by a two-character term; the contact is masked.
        await using (var visitor = await PortalPage.OpenAsync(fx))
        {
            await visitor.GoAsync("/needs?q=中试");
            (await visitor.Page.TextContentAsync("#market-table")).Should().Contain(Need);
            await visitor.ExpectCleanAsync("the public needs market");
            await visitor.ScreenshotAsync("market-needs-public-1366");
            await visitor.GoAsync(needUrl);
            (await visitor.Page.TextContentAsync("#contact")).Should().Contain("138****0001");
        }

        // 4. The university sees the need suggested against its catalyst result, with the reasons, and docks.
        await using (var university = await PortalPage.OpenAsAsync(fx, "univ.buct"))
        {
            await university.GoAsync("/results/manage");
            await university.Page.ClickAsync("#manage-table a:has-text('绿色催化材料制备技术')");
            var suggestion = university.Page.Locator($"#suggestions li:has-text('{Need}')");
            (await suggestion.TextContentAsync()).Should().Contain("同一技术领域").And.Contain("共同关键词").And.Contain("合作方式相符");
            await university.ExpectCleanAsync("a result with its suggested needs");
            await university.ScreenshotAsync("market-result-suggestions-1366");
            await suggestion.Locator("input[name=message]").FillAsync("我院分子筛负载催化剂选择性达96%，可承担中试。");
            await suggestion.Locator("button:has-text('发起对接')").ClickAsync();
            (await university.Page.TextContentAsync("#docking-status")).Should().Be("待回复");
        }

        // 5. The enterprise accepts from its to-do; contacts open to both and the contract can be filed from here.
        await using (var enterprise = await PortalPage.OpenAsAsync(fx, "ent.a"))
        {
            await enterprise.GoAsync("/docking");
            await enterprise.Page.ClickAsync($"#docking-table a:has-text('{Need}')");
            await enterprise.Page.FillAsync("#reply", "欢迎来厂交流中试方案。");
            await enterprise.Page.ClickAsync("#accept-btn");
            (await enterprise.Page.TextContentAsync("#docking-status")).Should().Be("已接受");
            (await enterprise.Page.Locator(".contact").AllTextContentsAsync()).Should().OnlyContain(t => !t.Contains("****"));
            await enterprise.ExpectCleanAsync("an accepted docking request");
            await enterprise.ScreenshotAsync("market-docking-accepted-1366");
        }

        await using (var phone = await PortalPage.OpenAsAsync(fx, "univ.buct", 390))
        {
            await phone.GoAsync("/results");
            await phone.ExpectCleanAsync("the results market on a phone");
            await phone.ScreenshotAsync("market-results-390");
        }
    }
}
