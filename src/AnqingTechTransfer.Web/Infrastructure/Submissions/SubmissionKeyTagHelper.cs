using Microsoft.AspNetCore.Razor.TagHelpers;

namespace AnqingTechTransfer.Web.Infrastructure.Submissions;

/// <summary>
/// Every POST form carries a fresh submission key (a hidden <c>__SubmissionKey</c>): two clicks, two tabs or a resent
/// request with the same key are one submission (IdempotentSubmissionFilter).
/// </summary>
[HtmlTargetElement("form", Attributes = "method")]
public class SubmissionKeyTagHelper : TagHelper
{
    public const string FieldName = "__SubmissionKey";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (output.Attributes["method"]?.Value?.ToString()?.Equals("post", StringComparison.OrdinalIgnoreCase) == true)
        {
            output.PostContent.AppendHtml($"<input type=\"hidden\" name=\"{FieldName}\" value=\"{Guid.NewGuid():N}\" />");
        }
    }
}
