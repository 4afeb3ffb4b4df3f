using System.Text.RegularExpressions;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;

namespace AnqingTechTransfer.Web.IntegrationTests.Shared;

/// <summary>
/// Issue 21, ADR 0013: the web layer's shape, held by its source. Every module has moved to one file per use case, so
/// none of these may come back anywhere under Features/: the DbContext in a controller, a controller catching
/// DomainException, ViewData/ViewBag carrying data into a view (the page title aside), a hand-written href="/…" link.
/// And the folders are the modules: each top-level folder is named in docs/architecture.md, and every folder of views
/// belongs to a controller's namespace (views are found by namespace, not by controller name).
/// </summary>
public partial class WebLayerShapeTests
{
    [GeneratedRegex(@"\bPortalDbContext\b")]
    private static partial Regex DbContext();

    [GeneratedRegex(@"catch \(DomainException")]
    private static partial Regex DomainCatch();

    [GeneratedRegex(@"(ViewData|ViewBag)(\[""(?!Title"")[A-Za-z]+""\]|\.(?!Title\b)[A-Za-z]+)")]
    private static partial Regex ViewDataRead();

    [GeneratedRegex(@"href=""/")]
    private static partial Regex HandWrittenLink();

    [GeneratedRegex(@"^\| `([A-Za-z]+)` \|", RegexOptions.Multiline)]
    private static partial Regex ModuleTableRow();

    private static string Features => Path.Combine(Repository.Root(), "src", "AnqingTechTransfer.Web", "Features");

    private static string Relative(string path) => Path.GetRelativePath(Features, path).Replace(Path.DirectorySeparatorChar, '/');

    private static List<string> Offenders(string pattern, Regex rule, Func<string, bool>? onlyFiles = null) =>
        Directory.EnumerateFiles(Features, pattern, SearchOption.AllDirectories)
            .Where(f => onlyFiles?.Invoke(f) ?? true)
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (Where: $"{Relative(f)}:{i + 1}", line)))
            .Where(l => rule.IsMatch(l.line))
            .Select(l => $"{l.Where}: {l.line.Trim()}")
            .ToList();

    private static bool IsController(string path) => path.EndsWith("Controller.cs", StringComparison.Ordinal);

    public static TheoryData<string> Rules => new()
    {
        "controllers that use the DbContext",
        "catch (DomainException) in controllers",
        "ViewData/ViewBag data in views",
        "hand-written href=\"/…\" links in views",
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void No_module_breaks_the_shape(string rule)
    {
        var found = rule switch
        {
            "controllers that use the DbContext" => Offenders("*.cs", DbContext(), IsController),
            "catch (DomainException) in controllers" => Offenders("*.cs", DomainCatch(), IsController),
            "ViewData/ViewBag data in views" => Offenders("*.cshtml", ViewDataRead()),
            _ => Offenders("*.cshtml", HandWrittenLink()),
        };
        found.Should().BeEmpty($"no module has {rule} (ADR 0013)");
    }

    [Fact]
    public void Each_folder_under_Features_is_a_module_named_in_the_architecture()
    {
        var architecture = File.ReadAllText(Path.Combine(Repository.Root(), "docs", "architecture.md"));
        var section = architecture[architecture.IndexOf("## 1. Projects and modules", StringComparison.Ordinal)..architecture.IndexOf("## 2.", StringComparison.Ordinal)];
        var named = ModuleTableRow().Matches(section).Select(m => m.Groups[1].Value).ToHashSet();
        var folders = Directory.EnumerateDirectories(Features).Select(Path.GetFileName).ToList();
        folders.Should().BeSubsetOf(named, "docs/architecture.md §1 names each module folder");
        named.Should().BeSubsetOf(folders, "docs/architecture.md §1 names no folder that is gone");
    }

    [Fact]
    public void Every_folder_of_views_belongs_to_a_controllers_namespace()
    {
        var controllerFolders = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(Microsoft.AspNetCore.Mvc.ControllerBase).IsAssignableFrom(t))
            // A controller's own namespace, and its base class's (the market's shared listing pages name their views there).
            .SelectMany(t => new[] { t.Namespace, t.BaseType?.Namespace })
            .Where(ns => ns?.StartsWith("AnqingTechTransfer.Web.Features.", StringComparison.Ordinal) == true)
            .Select(ns => ns!["AnqingTechTransfer.Web.Features.".Length..].Replace('.', '/'))
            .ToList();
        Directory.EnumerateFiles(Features, "*.cshtml", SearchOption.AllDirectories)
            .Select(f => Path.GetDirectoryName(Relative(f))!.Replace(Path.DirectorySeparatorChar, '/'))
            .Where(folder => folder.Length > 0 && !folder.StartsWith("Shared", StringComparison.Ordinal))
            .Distinct()
            .Where(folder => !controllerFolders.Any(c => c == folder || c.StartsWith(folder + "/", StringComparison.Ordinal)))
            .Should().BeEmpty("a view is found by its controller's namespace, so it sits in that folder or a module folder above it");
    }
}
