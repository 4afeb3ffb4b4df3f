namespace AnqingTechTransfer.BrowserTests;

[Collection(BrowserCollection.Name)]
public class ProjectPagesTests(BrowserFixture fx)
{
    [Fact]
    public async Task The_bureau_creates_a_call_and_an_enterprise_proposes_a_problem_on_clean_pages()
    {
        await using var bureau = await PortalPage.OpenAsync(fx);
        bureau.Page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await bureau.SignInAsync("bureau");
        await bureau.GoAsync("/projects/calls/new");
        await bureau.Page.FillAsync("#Title", "浏览器测试申报指南");
        await bureau.Page.ClickAsync("#save-call");
        await bureau.Page.FillAsync("#Name", "新材料研发众包");
        await bureau.Page.SelectOptionAsync("#Mode", "Crowdsourcing");
        await bureau.Page.FillAsync("#AcceptanceCriteria", "缺陷识别准确率≥95%，通过现场测试");
        await bureau.Page.FillAsync("#Budget", "1000");
        await bureau.Page.FillAsync("#MaxAward", "200");
        await bureau.Page.FillAsync("#OpensAt", DateTime.UtcNow.AddHours(8).AddDays(-1).ToString("yyyy-MM-dd'T'HH:mm"));
        await bureau.Page.ClickAsync("#save-programme");
        (await bureau.Page.TextContentAsync("#programme-table")).Should().Contain("新材料研发众包");
        await bureau.ExpectCleanAsync("a call being prepared");
        await bureau.ScreenshotAsync("project-call-1366");
        await bureau.Page.ClickAsync("#publish-call");
        (await bureau.Page.TextContentAsync("#call-status")).Should().Be("已发布");

        await using var enterprise = await PortalPage.OpenAsync(fx);
        await enterprise.SignInAsync("ent.a");
        await enterprise.GoAsync("/projects/problems/new");
        await enterprise.Page.FillAsync("#Title", "浏览器测试：高选择性催化剂");
        await enterprise.Page.FillAsync("#Description", "现有催化剂选择性不足");
        await enterprise.Page.FillAsync("#Targets", "选择性≥95%");
        await enterprise.Page.FillAsync("#OwnFunds", "300");
        await enterprise.Page.FillAsync("#Deadline", DateTime.UtcNow.AddYears(1).ToString("yyyy-MM-dd"));
        await enterprise.Page.ClickAsync("#save-problem");
        (await enterprise.Page.TextContentAsync("#problem-table")).Should().Contain("浏览器测试：高选择性催化剂");
        await enterprise.ExpectCleanAsync("the enterprise's problems");
        // Issue 23 §8: the problem's own page, as its county reads it before screening.
        await enterprise.Page.ClickAsync("#problem-table a:has-text('浏览器测试：高选择性催化剂')");
        (await enterprise.Page.TextContentAsync("#problem-targets")).Should().Contain("选择性≥95%");
        await enterprise.ExpectCleanAsync("a problem's page");
        await enterprise.ScreenshotAsync("project-problem-1366");

        // Issue 23 §8: the programme's own page from /projects, with its 申报 button, at 1366 and 390 px.
        await enterprise.GoAsync("/projects");
        await enterprise.Page.ClickAsync(".programme-table a:has-text('新材料研发众包')");
        await enterprise.Page.WaitForSelectorAsync("#apply-btn");
        (await enterprise.Page.TextContentAsync("#programme-mode-rule")).Should().StartWith("研发众包");
        await enterprise.ExpectCleanAsync("a programme's page");
        await enterprise.ScreenshotAsync("project-programme-1366");
        await enterprise.Page.SetViewportSizeAsync(390, 844);
        await enterprise.Page.ReloadAsync();
        await enterprise.ExpectCleanAsync("a programme's page on a phone");
        await enterprise.ScreenshotAsync("project-programme-390");
        await enterprise.Page.SetViewportSizeAsync(1366, 900);
        await enterprise.GoAsync("/projects/applications");
        await enterprise.ExpectCleanAsync("the enterprise's applications");
        await enterprise.ScreenshotAsync("project-applications-ent.a-1366");

        // The published programme is open: the enterprise starts a draft and sees the application form.
        await enterprise.Page.ClickAsync("form[action='/projects/applications/new']:has-text('新材料研发众包') button");
        await enterprise.Page.WaitForSelectorAsync("#application-form");
        await enterprise.ExpectCleanAsync("an application form");
        await enterprise.ScreenshotAsync("project-application-form-1366");
        await enterprise.Page.SetViewportSizeAsync(390, 844);
        await enterprise.Page.ReloadAsync();
        await enterprise.ExpectCleanAsync("an application form on a phone");
        await enterprise.ScreenshotAsync("project-application-form-390");
    }
}
