using System.Text.RegularExpressions;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;

namespace AnqingTechTransfer.Web.IntegrationTests.Shared;

/// <summary>
/// Issue 21, ADR 0013: the web layer's shape, held by its source. A module that has moved to one file per use case keeps
/// these at zero; the rest of the tree may only get better (the ceilings are today's counts and come down as modules move).
/// </summary>
public partial class WebLayerShapeTests
{
    /// <summary>Module folders under Features/ that have moved to the use-case shape.</summary>
    public static readonly string[] Moved = ["Administration", "Attachments", "Contracts", "Enterprises", "Errors", "Experts", "Home", "Messages", "Organizations", "Targets", "Workspace"];

    /// <summary>Today's counts outside the moved modules; lower them when a module moves, never raise them.</summary>
    private const int ControllersUsingTheDbContext = 33;
    private const int DomainCatchesInControllers = 10;
    private const int ViewDataReads = 62;
    private const int HandWrittenLinks = 154;

    [GeneratedRegex(@"\bPortalDbContext\b")]
    private static partial Regex DbContext();

    [GeneratedRegex(@"catch \(DomainException")]
    private static partial Regex DomainCatch();

    [GeneratedRegex(@"(ViewData|ViewBag)(\[""(?!Title"")[A-Za-z]+""\]|\.(?!Title\b)[A-Za-z]+)")]
    private static partial Regex ViewDataRead();

    [GeneratedRegex(@"href=""/")]
    private static partial Regex HandWrittenLink();

    private static string Features => Path.Combine(Repository.Root(), "src", "AnqingTechTransfer.Web", "Features");

    private static IEnumerable<(string Module, string Path)> Files(string pattern) =>
        Directory.EnumerateFiles(Features, pattern, SearchOption.AllDirectories)
            .Select(f => (Path.GetRelativePath(Features, f).Split(Path.DirectorySeparatorChar)[0], f));

    private static List<string> Offenders(string pattern, Regex rule, Func<string, bool>? onlyFiles = null) =>
        Files(pattern).Where(f => onlyFiles?.Invoke(f.Path) ?? true)
            .SelectMany(f => File.ReadLines(f.Path).Select((line, i) => (f.Module, Where: $"{Path.GetRelativePath(Features, f.Path)}:{i + 1}", line)))
            .Where(l => rule.IsMatch(l.line))
            .Select(l => $"{l.Module}|{l.Where}")
            .ToList();

    private static bool IsController(string path) => path.EndsWith("Controller.cs", StringComparison.Ordinal);

    public static TheoryData<string, string, int> Rules => new()
    {
        { "controllers that use the DbContext", "*.cs", ControllersUsingTheDbContext },
        { "catch (DomainException) in controllers", "*.cs", DomainCatchesInControllers },
        { "ViewData/ViewBag data in views", "*.cshtml", ViewDataReads },
        { "hand-written href=\"/…\" links in views", "*.cshtml", HandWrittenLinks },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void The_moved_modules_keep_the_shape_and_the_rest_only_gets_better(string rule, string pattern, int ceiling)
    {
        var found = rule switch
        {
            "controllers that use the DbContext" => Offenders(pattern, DbContext(), IsController).Select(o => o.Split(':')[0]).Distinct().ToList(),
            "catch (DomainException) in controllers" => Offenders(pattern, DomainCatch(), IsController),
            "ViewData/ViewBag data in views" => Offenders(pattern, ViewDataRead()),
            _ => Offenders(pattern, HandWrittenLink()),
        };
        found.Where(o => Moved.Contains(o.Split('|')[0])).Should().BeEmpty($"a moved module has no {rule}");
        found.Count.Should().BeLessThanOrEqualTo(ceiling, $"{rule} may only go down (lower the ceiling in this test when they do)");
    }
}
