using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;

namespace AnqingTechTransfer.Web.IntegrationTests.Shared;

/// <summary>
/// Issue 25 §5, forms that help. Every form of the portal, posted empty: the answer is the form again (never a 500), every
/// field in error carries its message next to itself, the message names the field with the words of its label (卖方性质 on
/// the field and in the message, not 法人性质 on one and 卖方性质 on the other), and the one error summary at the top
/// (Shared/_ErrorSummary) lists every error with a link to its field.
/// </summary>
public partial class FormWordingTests(PortalFixture fx) : IClassFixture<PortalFixture>
{
    /// <summary>A form page: who opens it, where, the form's id, and the button that sends it (its name and value are posted).</summary>
    public sealed record FormPage(string? User, string Url, string FormId, string? Submitter = null)
    {
        public override string ToString() => $"{Url} #{FormId} ({User ?? "visitor"})";
    }

    public static readonly FormPage[] Forms =
    [
        new(null, "/account/login", "login-form"),
        new(null, "/account/register", "register-form"),
        new("ent.a", "/account/password", "password-form"),
        new("ent.a", "/contracts/new", "contract-form", "#submit-contract-btn"),
        new("bureau", "/contracts/import", "import-form"),
        new("bureau", "/registration-points/new", "point-form"),
        new("bureau", "/carriers/new", "carrier-form"),
        new("county.huaining", "/scenarios/new", "scenario-form"),
        new("ent.a", "/projects/problems/new", "problem-form"),
        new("bureau", "/projects/calls/new", "call-form"),
        new("ent.a", "/enterprises/high-tech/new", "high-tech-form"),
        new("ent.a", "/enterprises/tech-sme/new", "tech-sme-form"),
        new("ent.a", "/enterprises/specialized/new", "specialized-form"),
        new("bureau", "/enterprises/import", "qualification-import-form"),
        new("county.huaining", "/enterprises/cultivation/new", "cultivation-form"),
        new("county.huaining", "/experts/apply", "expert-form"),
        new("bureau", "/panels/new", "panel-form"),
        new("bureau", "/commissioners/new", "commissioner-form"),
        new("ent.a", "/needs/new", "need-form"),
        new("univ.aqnu", "/results/new", "result-form"),
        new("bureau", "/docking-events/new", "event-form"),
        new("bank.a", "/finance/products/new", "product-form"),
        new("bureau", "/targets/periods/new", "period-form"),
        new("bureau", "/notices/new", "notice-form"),
        new("dept.scj", "/infringers/new", "infringer-form"),
    ];

    public static TheoryData<FormPage> AllForms()
    {
        var data = new TheoryData<FormPage>();
        foreach (var form in Forms)
        {
            data.Add(form);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllForms))]
    public async Task A_form_posted_empty_marks_each_field_with_its_label_s_words_and_lists_every_error_in_the_summary(FormPage page) =>
        await CheckEmptyPostAsync(page.User is null ? fx.Anonymous() : await fx.As(page.User), page);

    /// <summary>The check of one form: opened, posted empty, answered with the form, every message naming its field, the summary complete.</summary>
    internal static async Task CheckEmptyPostAsync(PortalClient client, FormPage page)
    {
        var blank = await client.GetPageAsync(page.Url);
        var form = blank.QuerySelector($"form#{page.FormId}") as IHtmlFormElement;
        form.Should().NotBeNull($"{page} has the form");
        blank.QuerySelector("[data-error-summary]").Should().NotBeNull($"{page} carries the shared error summary");

        var response = await PostEmptyAsync(client, form!, page.Submitter);
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, $"{page} posted empty answers with the form and its messages, not {response.Headers.Location}: {Text(html)}");
        var answer = PortalClient.Parse(html);
        Problems(answer, page).Should().BeEmpty();
    }

    [Fact]
    public async Task The_contract_form_submitted_empty_marks_every_missing_field_next_to_itself_with_the_label_s_words()
    {
        var client = await fx.As("ent.a");
        var blank = await client.GetPageAsync("/contracts/new");
        blank.QuerySelector("label[for=SellerNatureCode]")!.TextContent.Trim().Should().Be("卖方性质", "the label and the message use one name");
        blank.QuerySelector("#save-draft-btn")!.HasAttribute("formnovalidate").Should().BeTrue("a draft may be incomplete");
        blank.QuerySelector("#ProjectName")!.HasAttribute("required").Should().BeTrue("the browser checks the required fields before the confirmation");

        var response = await PostEmptyAsync(client, (IHtmlFormElement)blank.QuerySelector("#contract-form")!, "#submit-contract-btn");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = PortalClient.Parse(await response.Content.ReadAsStringAsync());
        var marked = FieldMessages(page.QuerySelector("#contract-form")!).ToList();
        marked.Select(m => m.Key).Should().Contain(["ProjectName", "RegistrationPointId", "Type", "SellerName", "SellerCountryCode", "SellerNatureCode", "BuyerName",
            "BuyerCountryCode", "BuyerNatureCode", "TechnicalFieldCode", "IpTypeCode", "PlanSourceCode", "SocioEconomicGoalCode", "SignedOn", "ValidFrom", "ValidTo",
            "ContractAmount", "PaymentMode", "ResponsiblePerson", "FilledBy", "FilledOn"]);
        marked.Count.Should().BeGreaterThanOrEqualTo(20, "every missing field is marked, not two of them");
        page.QuerySelector("[data-valmsg-for=SellerNatureCode]")!.TextContent.Should().Be("请选择卖方性质");
        var summary = page.QuerySelector("#error-summary")!;
        summary.HasAttribute("hidden").Should().BeFalse();
        summary.GetAttribute("tabindex").Should().Be("-1", "site.js gives it the focus");
        summary.QuerySelector("a[href='#SellerNatureCode']")!.TextContent.Should().Be("请选择卖方性质");
        summary.QuerySelectorAll("li").Select(li => li.TextContent.Trim()).Should().BeEquivalentTo(marked.Select(m => m.Message), "the summary lists exactly the fields' messages");
        summary.TextContent.Should().NotContain("提交前请补全", "the missing fields are listed one by one, not in one line");
    }

    [Fact]
    public async Task Codes_are_explained_in_plain_chinese_next_to_the_field()
    {
        var form = await (await fx.As("univ.aqnu")).GetPageAsync("/results/new");
        form.QuerySelector("#Maturity")!.GetAttribute("aria-describedby").Should().Be("maturity-help");
        var help = form.QuerySelector("details#maturity-help")!;
        help.QuerySelector("summary")!.TextContent.Should().Contain("技术就绪度");
        help.QuerySelectorAll("dt").Select(d => d.TextContent).Should().Equal(Enumerable.Range(1, 9).Select(i => $"TRL {i}"));
        help.TextContent.Should().Contain("实验室").And.Contain("批量");
        form.QuerySelector("#Maturity option[value='6']")!.TextContent.Should().Be("TRL 6 · 原型中试");

        var contract = await (await fx.As("ent.a")).GetPageAsync("/contracts/new");
        contract.QuerySelector("#SellerNatureCode-help")!.TextContent.Should().Contain("法人性质");
    }

    /// <summary>What is wrong with the answer to an empty post: field messages that do not name their field, errors the summary misses.</summary>
    private static List<string> Problems(IHtmlDocument answer, FormPage page)
    {
        var problems = new List<string>();
        var form = answer.QuerySelector($"form#{page.FormId}");
        if (form is null)
        {
            return [$"{page}: the answer does not show the form again"];
        }

        var fields = FieldMessages(form).ToList();
        var summary = answer.QuerySelector("[data-error-summary]");
        if (summary is null || summary.HasAttribute("hidden"))
        {
            return [$"{page}: no error summary is shown ({fields.Count} field messages)"];
        }

        var listed = summary.QuerySelectorAll("li").Select(li => li.TextContent.Trim()).ToList();
        if (listed.Count == 0)
        {
            problems.Add($"{page}: the summary lists no error");
        }

        foreach (var (key, message) in fields)
        {
            var field = form.QuerySelectorAll($"[name='{key}']").FirstOrDefault(f => f.GetAttribute("type") != "hidden");
            if (field is null)
            {
                problems.Add($"{page}: “{message}” is shown for {key}, which is no field of the form");
                continue;
            }

            // A group of radio buttons or tick boxes is named by its fieldset's legend.
            var label = (field.Id is { Length: > 0 } id && field.GetAttribute("type") is not "radio" ? answer.QuerySelector($"label[for='{id}']") : null)
                ?? (field.GetAttribute("type") is "radio" or "checkbox" ? field.Closest("fieldset")?.QuerySelector("legend") : null);
            if (label is null)
            {
                problems.Add($"{page}: {key} has no label");
                continue;
            }

            var name = NameOf(label);
            if (!message.Contains(name, StringComparison.Ordinal))
            {
                problems.Add($"{page}: the label says “{name}”, the message next to it “{message}”");
            }

            // A group of radio buttons is reached through its fieldset.
            var target = field.GetAttribute("type") is "radio" ? field.Closest("fieldset")?.Id ?? field.Id : field.Id;
            if (summary.QuerySelector($"a[href='#{target}']") is not { } link || link.TextContent.Trim() != message)
            {
                problems.Add($"{page}: the summary does not link “{message}” to #{target}");
            }
        }

        if (listed.Count < fields.Count)
        {
            problems.Add($"{page}: the summary lists {listed.Count} errors, the fields show {fields.Count}");
        }

        return problems;
    }

    /// <summary>The messages shown next to fields: (the field's name, the message).</summary>
    private static IEnumerable<(string Key, string Message)> FieldMessages(IElement form) =>
        form.QuerySelectorAll("[data-valmsg-for]")
            .Select(m => (Key: m.GetAttribute("data-valmsg-for")!, Message: m.TextContent.Trim()))
            .Where(m => m.Message.Length > 0);

    /// <summary>A label's name without its hints: "成交额（万元）" → "成交额", "合同文本 （必传）" → "合同文本".</summary>
    private static string NameOf(IElement label)
    {
        var copy = (IElement)label.Clone();
        foreach (var hint in copy.QuerySelectorAll(".text-muted, .required-mark, .form-text, .visually-hidden").ToList())
        {
            hint.Remove();
        }

        return TrailingHint().Replace(Regex.Replace(copy.TextContent, @"\s+", string.Empty), string.Empty).TrimEnd('：', ':', '*');
    }

    [GeneratedRegex(@"(（[^（）]*）|\([^()]*\))$")]
    private static partial Regex TrailingHint();

    /// <summary>Posts the form as a person who filled in nothing: hidden values (ids, versions, the token) stay, everything else is empty.</summary>
    private static async Task<HttpResponseMessage> PostEmptyAsync(PortalClient client, IHtmlFormElement form, string? submitter)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || element is IHtmlButtonElement)
            {
                continue;
            }

            var type = element.GetAttribute("type")?.ToLowerInvariant();
            if (type is "checkbox" or "radio" or "file" or "submit")
            {
                continue;
            }

            pairs.Add(new(name, type == "hidden" ? element.GetAttribute("value") ?? string.Empty : string.Empty));
        }

        var button = submitter is null ? form.QuerySelector("button[type=submit][name]:not([formnovalidate])") : form.QuerySelector(submitter);
        if (button?.GetAttribute("name") is { Length: > 0 } buttonName)
        {
            pairs.Add(new(buttonName, button.GetAttribute("value") ?? string.Empty));
        }

        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : throw new InvalidOperationException("a form without action");
        if (string.Equals(form.GetAttribute("enctype"), "multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            using var content = new MultipartFormDataContent();
            foreach (var (key, value) in pairs)
            {
                content.Add(new StringContent(value), key);
            }

            return await client.Http.PostAsync(action, content);
        }

        return await client.Http.PostAsync(action, new FormUrlEncodedContent(pairs));
    }

    private static string Text(string html) => html.Length > 600 ? html[..600] : html;
}
