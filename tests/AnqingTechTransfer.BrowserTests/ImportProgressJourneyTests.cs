using System.Text;
using AnqingTechTransfer.Web.Features.Imports;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AnqingTechTransfer.BrowserTests;

/// <summary>
/// Issue 25 §3: the bureau uploads a file and lands on the import's page, which shows its progress and, once the job has
/// run (run here directly: the tests start no job server), reloads itself by its poll to show the result; a file with
/// bad rows shows its reasons by line. At 1366 and 390 px.
/// </summary>
[Collection(BrowserCollection2.Name)]
public class ImportProgressJourneyTests(BrowserFixture fx)
{
    private const string Header = "登记编号,项目名称,合同类别,卖方名称,卖方统一社会信用代码,卖方所在地区代码,买方名称,买方统一社会信用代码,买方所在地区代码,买方所在园区,技术领域,成交额（万元）,技术交易额（万元）,签订日期,登记日期\n";

    private static byte[] Contracts(string prefix, int count, Func<int, string> amount) =>
        Encoding.UTF8.GetBytes(Header + string.Concat(Enumerable.Range(1, count).Select(i =>
            $"{prefix}{i:D4},浏览器后台导入{i},技术开发,合肥工业大学,,340100,桐城市示范企业,,340881,,01,{amount(i)},8,2024-05-06,2024-05-20\n")));

    private async Task RunJobAsync(Guid id)
    {
        using (CurrentActor.BeginSystemScope())
        {
            await using var scope = fx.Factory.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ImportJobRunner>().RunAsync(id, CancellationToken.None);
        }
    }

    private static async Task<Guid> UploadAsync(PortalPage page, string name, byte[] content)
    {
        await page.GoAsync("/contracts/import");
        await page.Page.SetInputFilesAsync("#file", new FilePayload { Name = name, MimeType = "text/csv", Buffer = content });
        await page.Page.ClickAsync("#import-btn");
        await page.Page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/imports/[0-9a-f-]{36}$"));
        return Guid.Parse(page.Page.Url[^36..]);
    }

    [Fact]
    public async Task The_import_page_follows_the_job_and_shows_the_result_then_the_reasons_of_a_bad_file()
    {
        await using var page = await PortalPage.OpenAsAsync(fx, "bureau");
        var id = await UploadAsync(page, "吸纳合同.csv", Contracts("2023BR01", 25, _ => "10"));
        (await page.Page.TextContentAsync("#import-state")).Should().Be("排队中");
        (await page.Page.IsVisibleAsync("#import-progress")).Should().BeTrue();
        await page.ExpectCleanAsync("a queued import's page");
        await page.ScreenshotAsync("import-queued-1366");

        await RunJobAsync(id);
        // The page's poll sees the end and reloads it with the result.
        await page.Page.WaitForSelectorAsync("#imported-count", new PageWaitForSelectorOptions { Timeout = 15_000 });
        (await page.Page.TextContentAsync("#import-state")).Should().Be("已完成");
        (await page.Page.TextContentAsync("#imported-count")).Should().Be("25");
        (await page.Page.TextContentAsync("#progress-read")).Should().Be("25");
        await page.ExpectCleanAsync("a finished import");
        await page.ScreenshotAsync("import-done-1366");

        var bad = await UploadAsync(page, "有误.csv", Contracts("2023BR02", 6, i => i == 4 ? "abc" : "10"));
        await RunJobAsync(bad);
        await page.Page.WaitForSelectorAsync("#import-problems", new PageWaitForSelectorOptions { Timeout = 15_000 });
        (await page.Page.TextContentAsync("#import-problems tbody")).Should().Contain("5").And.Contain("成交额");
        (await page.Page.TextContentAsync("#progress-rejected")).Should().Be("1");
        await page.ExpectCleanAsync("an import with bad rows");
        await page.ScreenshotAsync("import-rejected-1366");

        await page.Page.SetViewportSizeAsync(390, 844);
        await page.Page.ReloadAsync();
        (await page.Page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth")).Should().BeTrue("no sideways scrolling on a phone");
        await page.ExpectCleanAsync("an import with bad rows on a phone");
        await page.ScreenshotAsync("import-rejected-390");
        await page.GoAsync($"/imports/{id}");
        (await page.Page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth")).Should().BeTrue("no sideways scrolling on a phone");
        await page.ScreenshotAsync("import-done-390");
    }
}
