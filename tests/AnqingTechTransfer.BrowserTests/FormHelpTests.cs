namespace AnqingTechTransfer.BrowserTests;

/// <summary>
/// Issue 25 §5 in the browser, on the contract form at 1366 and 390 px: 提交登记 with nothing filled in asks no question
/// (the confirmation comes only for a valid form), marks every required field next to itself, and the error summary at the
/// top lists them with links and has the focus. A link puts the cursor into its field.
/// </summary>
[Collection(BrowserCollection2.Name)]
public class FormHelpTests(BrowserFixture fx)
{
    [Theory]
    [InlineData(1366)]
    [InlineData(390)]
    public async Task The_contract_form_checks_its_fields_before_the_confirmation_and_focuses_the_summary(int width)
    {
        await using var page = await PortalPage.OpenAsync(fx, width);
        var dialogs = new List<string>();
        page.Page.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };
        await page.SignInAsync("ent.a");
        await page.GoAsync("/contracts/new");
        await page.Page.FillAsync("#ProjectName", string.Empty);
        await page.Page.ClickAsync("#submit-contract-btn");

        await page.Page.WaitForSelectorAsync("#error-summary:not([hidden])");
        dialogs.Should().BeEmpty("an invalid form is not confirmed");
        new Uri(page.Page.Url).AbsolutePath.Should().Be("/contracts/new", "nothing was sent");
        (await page.Page.EvaluateAsync<string>("() => document.activeElement.id")).Should().Be("error-summary");

        var listed = await page.Page.Locator("#error-summary li a").AllTextContentsAsync();
        var marked = await page.Page.Locator("#contract-form .is-invalid").CountAsync();
        listed.Count.Should().BeGreaterThanOrEqualTo(15, "every required field left empty is listed");
        marked.Should().Be(listed.Count, "each listed field is marked next to itself");
        listed.Should().Contain(["请填写项目名称", "请选择登记点", "请选择合同类别", "请填写签订日期", "请填写成交额", "请填写负责人"]);
        (await page.Page.TextContentAsync("[data-valmsg-for='ProjectName']"))!.Trim().Should().Be("请填写项目名称", "the same words next to the field as in the summary");
        (await page.Page.GetAttributeAsync("#ProjectName", "aria-invalid")).Should().Be("true");

        await page.ExpectCleanAsync($"the contract form with its errors at {width} px");
        await page.ScreenshotAsync($"contract-form-errors-{width}");

        await page.Page.ClickAsync("#error-summary a[href='#ProjectName']");
        (await page.Page.EvaluateAsync<string>("() => document.activeElement.id")).Should().Be("ProjectName");

        // 保存草稿 is not checked: a draft may be incomplete (and asks nothing).
        await page.Page.FillAsync("#ProjectName", $"浏览器测试：草稿 {width}");
        await page.Page.SelectOptionAsync("#RegistrationPointId", new Microsoft.Playwright.SelectOptionValue { Index = 1 });
        await page.Page.ClickAsync("#save-draft-btn");
        await page.Page.WaitForSelectorAsync("#contract-status");
        dialogs.Should().BeEmpty();
    }
}
