using AnqingTechTransfer.Domain.Search;
using Microsoft.AspNetCore.Html;

namespace AnqingTechTransfer.Web.Features.Shared;

/// <summary>A search hit's text with the searched words in &lt;mark&gt; (ADR 0017); every part is HTML-encoded.</summary>
public static class Marked
{
    public static IHtmlContent Html(string? text, IReadOnlyList<string> words) => Build(Highlighter.Parts(text, words));

    /// <summary>The part of a long text around its first searched word; nothing when no word occurs in it.</summary>
    public static IHtmlContent Snippet(string? text, IReadOnlyList<string> words, int width = 80) =>
        Highlighter.Contains(text, words) ? Build(Highlighter.Snippet(text, words, width)) : HtmlString.Empty;

    public static bool Occurs(string? text, IReadOnlyList<string> words) => Highlighter.Contains(text, words);

    private static HtmlContentBuilder Build(IReadOnlyList<TextPart> parts)
    {
        var html = new HtmlContentBuilder();
        foreach (var part in parts)
        {
            if (part.Marked)
            {
                html.AppendHtml("<mark>").Append(part.Text).AppendHtml("</mark>");
            }
            else
            {
                html.Append(part.Text);
            }
        }

        return html;
    }
}
