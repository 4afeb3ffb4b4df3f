using System.Net;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.IntegrationTests.Security;

/// <summary>QUALITY.md R2: the same form sent twice, from two tabs or a hundred times at once makes exactly one record.</summary>
public class DoubleSubmitTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    private async Task<Dictionary<string, string>> NeedFormAsync(PortalClient client, string title)
    {
        var page = await client.GetPageAsync("/needs/new");
        var form = page.QuerySelector("form[action='/needs/new'], form#need-form, main form[method=post]")!;
        return new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["__SubmissionKey"] = form.QuerySelector("input[name=__SubmissionKey]")!.GetAttribute("value")!,
            ["Title"] = title, ["Summary"] = "需开发选择性更高的加氢催化剂", ["FieldCode"] = "06", ["Keywords"] = "催化剂、加氢", ["Modes"] = "Commissioned",
            ["ContactName"] = "张伟明", ["ContactPhone"] = "13805561234", ["Targets"] = "选择性≥95%", ["BudgetMin"] = "50", ["BudgetMax"] = "200",
            ["Deadline"] = DateOnly.FromDateTime(fx.Clock.GetUtcNow().UtcDateTime).AddMonths(6).ToString("yyyy-MM-dd"),
        };
    }

    private Task<int> CountAsync(string title) => fx.WithDbAsync((db, _) => db.TechNeeds.CountAsync(n => n.Title == title));

    [Fact]
    public async Task A_hundred_concurrent_copies_of_one_submission_make_one_record_and_every_copy_is_redirected_to_it()
    {
        var ent = await fx.As("ent.a");
        var form = await NeedFormAsync(ent, "并发重复提交测试需求");
        var responses = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => ent.Http.PostAsync("/needs/new", new FormUrlEncodedContent(form))));

        (await CountAsync("并发重复提交测试需求")).Should().Be(1);
        responses.Select(r => (int)r.StatusCode).Should().OnlyContain(s => s >= 200 && s < 400, "every copy gets an answer, none an error");
        responses.Select(r => r.Headers.Location?.OriginalString).Distinct().Should().ContainSingle("all copies are sent to the one record");
    }

    [Fact]
    public async Task A_second_click_after_the_first_went_through_leads_to_the_same_record()
    {
        var ent = await fx.As("ent.a");
        var form = await NeedFormAsync(ent, "两次点击测试需求");
        var first = await ent.Http.PostAsync("/needs/new", new FormUrlEncodedContent(form));
        var second = await ent.Http.PostAsync("/needs/new", new FormUrlEncodedContent(form));

        first.StatusCode.Should().Be(HttpStatusCode.Redirect);
        second.StatusCode.Should().Be(HttpStatusCode.Redirect);
        second.Headers.Location.Should().Be(first.Headers.Location);
        (await CountAsync("两次点击测试需求")).Should().Be(1);
    }

    [Fact]
    public async Task A_submission_refused_for_its_input_gives_its_key_back_so_the_corrected_form_goes_through()
    {
        var ent = await fx.As("ent.a");
        var form = await NeedFormAsync(ent, "先错后改测试需求");
        form["ContactPhone"] = "12ab";
        var refused = await ent.Http.PostAsync("/needs/new", new FormUrlEncodedContent(form));
        refused.StatusCode.Should().Be(HttpStatusCode.OK, "the form is shown again with its message");
        (await CountAsync("先错后改测试需求")).Should().Be(0);

        form["ContactPhone"] = "13805561234";
        (await ent.Http.PostAsync("/needs/new", new FormUrlEncodedContent(form))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await CountAsync("先错后改测试需求")).Should().Be(1);
    }
}
