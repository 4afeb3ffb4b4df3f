using System.Text.RegularExpressions;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace AnqingTechTransfer.Web.Features.Help;

/// <summary>
/// docs/user-guide.md as the portal serves it at /help (issue 25 §7): read once from the copy published next to the app (or,
/// when run from the source tree, from docs/), rendered by Markdig, each heading of <see cref="HelpSections"/> given its
/// fixed anchor, and the screenshots (docs/images/guide/*.png) pointed at /help/images/.
/// </summary>
public sealed partial class UserGuide
{
    public const string FileName = "user-guide.md";
    private const string ImagePrefix = "images/guide/";
    private readonly Lazy<string> _markdown;
    private readonly Lazy<string?> _imageDirectory;

    public UserGuide(IWebHostEnvironment environment)
    {
        _markdown = new(() => File.ReadAllText(Locate(environment.ContentRootPath, FileName)
            ?? throw new FileNotFoundException("docs/user-guide.md is neither published with the app nor found above its content root.")));
        _imageDirectory = new(() => Path.GetDirectoryName(Locate(environment.ContentRootPath, FileName)) is { } docs
            && Directory.Exists(Path.Combine(docs, "images", "guide")) ? Path.Combine(docs, "images", "guide") : null);
    }

    /// <summary>The guide's HTML with its screenshots under <paramref name="imageBase"/> (for example "/help/images/").</summary>
    public string Html(string imageBase)
    {
        var pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseEmphasisExtras().UseAutoLinks().Build();
        var document = Markdown.Parse(_markdown.Value, pipeline);
        var anchors = HelpSections.All.ToList();
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            var text = PlainText(heading.Inline);
            var section = anchors.FirstOrDefault(s => text == s.Heading);
            if (section is not null)
            {
                heading.GetAttributes().Id = section.Anchor;
                anchors.Remove(section);
            }
        }

        foreach (var link in document.Descendants<LinkInline>())
        {
            if (link.IsImage && link.Url is { } url && url.StartsWith(ImagePrefix, StringComparison.Ordinal))
            {
                link.Url = imageBase + url[ImagePrefix.Length..];
            }
        }

        foreach (var table in document.Descendants<Markdig.Extensions.Tables.Table>())
        {
            table.GetAttributes().AddClass("table table-sm");
        }

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        pipeline.Setup(renderer);
        renderer.Render(document);
        return writer.ToString();
    }

    /// <summary>A screenshot of the guide by its file name (lower-case letters, digits and dashes, .png), or null.</summary>
    public string? ImagePath(string name) =>
        ImageName().IsMatch(name) && _imageDirectory.Value is { } directory && File.Exists(Path.Combine(directory, name)) ? Path.Combine(directory, name) : null;

    private static string PlainText(ContainerInline? inline) =>
        inline is null ? string.Empty : string.Concat(inline.Descendants<LiteralInline>().Select(l => l.Content.ToString())).Trim();

    /// <summary>The published copy (bin/…/help/user-guide.md) first, then docs/ in the source tree above the content root.</summary>
    private static string? Locate(string contentRoot, string file)
    {
        var published = Path.Combine(AppContext.BaseDirectory, "help", file);
        if (File.Exists(published))
        {
            return published;
        }

        for (var directory = new DirectoryInfo(contentRoot); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "docs", file);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,80}\\.png$")]
    private static partial Regex ImageName();
}
