using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace AnqingTechTransfer.Web.Features.Shared;

/// <summary>
/// A list with actions that becomes cards on a phone (issue 25 §6): a <c>&lt;table class="… table-cards"&gt;</c> gets on each
/// body cell a <c>data-label</c> with the heading of its column, so that site.css (the "Phones" block) can show every row as a
/// card of labelled values with its buttons in sight at 390 px, without script. The class comes last in the list (the tag
/// helper's selector is "class ends with", so other tables, some drawn in synchronous Razor functions, are left alone). A cell that already has a <c>data-label</c>
/// keeps it; an empty heading (the actions column) and a cell across columns get no label.
/// </summary>
[HtmlTargetElement("table", Attributes = "[class$=" + CssClass + "]")]
public sealed partial class TableCardsTagHelper : TagHelper
{
    public const string CssClass = "table-cards";

    public override int Order => 1000;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var classes = output.Attributes.TryGetAttribute("class", out var attribute) ? attribute.Value?.ToString() ?? string.Empty : string.Empty;
        if (!classes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(CssClass))
        {
            return;
        }

        var content = await output.GetChildContentAsync();
        output.Content.SetHtmlContent(Label(content.GetContent()));
    }

    /// <summary>The table's inner HTML with each body cell labelled by the heading of its column.</summary>
    public static string Label(string html)
    {
        var head = TheadPattern().Match(html);
        if (!head.Success)
        {
            return html;
        }

        var headings = new List<string>();
        foreach (Match cell in HeadCellPattern().Matches(head.Value))
        {
            var text = WebUtility.HtmlDecode(TagPattern().Replace(cell.Groups["body"].Value, " "));
            text = WhitespacePattern().Replace(text, " ").Trim();
            var span = ColspanPattern().Match(cell.Groups["attrs"].Value) is { Success: true } c ? int.Parse(c.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 1;
            for (var i = 0; i < span; i++)
            {
                headings.Add(i == 0 ? text : string.Empty);
            }
        }

        var result = new StringBuilder(html.Length + 512);
        result.Append(html, 0, head.Index + head.Length);
        var rest = html[(head.Index + head.Length)..];
        result.Append(RowPattern().Replace(rest, row =>
        {
            var column = 0;
            return BodyCellPattern().Replace(row.Value, cell =>
            {
                var attrs = cell.Groups["attrs"].Value;
                var index = column;
                var span = ColspanPattern().Match(attrs) is { Success: true } c ? int.Parse(c.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 1;
                column += span;
                // A cell across several columns (a note such as 没有符合条件的合同) is no one column's value.
                if (span > 1 || attrs.Contains("data-label", StringComparison.Ordinal) || index >= headings.Count || headings[index].Length == 0)
                {
                    return cell.Value;
                }

                return $"<{cell.Groups["tag"].Value} data-label=\"{WebUtility.HtmlEncode(headings[index])}\"{attrs}>";
            });
        }));
        // A cell with nothing but white space is empty to CSS (:empty), so its card shows no bare label.
        return EmptyCellPattern().Replace(result.ToString(), "$1$2");
    }

    [GeneratedRegex(@"<thead\b.*?</thead>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex TheadPattern();

    [GeneratedRegex(@"<(?:th|td)\b(?<attrs>[^>]*)>(?<body>.*?)</(?:th|td)>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex HeadCellPattern();

    [GeneratedRegex(@"<tr\b.*?</tr>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex RowPattern();

    [GeneratedRegex(@"<(?<tag>td|th)\b(?<attrs>[^>]*)>", RegexOptions.IgnoreCase)]
    private static partial Regex BodyCellPattern();

    [GeneratedRegex(@"colspan\s*=\s*""?(\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex ColspanPattern();

    [GeneratedRegex(@"(<t[dh]\b[^>]*>)\s+(</t[dh]>)", RegexOptions.IgnoreCase)]
    private static partial Regex EmptyCellPattern();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();
}
