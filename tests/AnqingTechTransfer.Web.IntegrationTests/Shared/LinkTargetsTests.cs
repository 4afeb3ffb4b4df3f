using System.Reflection;
using System.Text.RegularExpressions;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace AnqingTechTransfer.Web.IntegrationTests.Shared;

/// <summary>
/// Issue 21, ADR 0013: links come from tag helpers, so a renamed or removed action must fail here and not leave an empty
/// <c>href</c> on a page (the anchor tag helper writes <c>href=""</c> for a target it cannot resolve). Every
/// <c>asp-controller</c>/<c>asp-action</c> pair in a view names a controller of the app and one of its actions; a link
/// without <c>asp-controller</c> names an action of a controller whose views live in the view's folder.
/// </summary>
public partial class LinkTargetsTests
{
    [GeneratedRegex(@"<(?:a|form|button|input)\b[^>]*?\basp-(?:action|controller)=""[^>]*>", RegexOptions.Singleline)]
    private static partial Regex TagWithTarget();

    [GeneratedRegex(@"\basp-controller=""([^""]*)""")]
    private static partial Regex ControllerAttribute();

    [GeneratedRegex(@"\basp-action=""([^""]*)""")]
    private static partial Regex ActionAttribute();

    private const string FeaturesNamespace = "AnqingTechTransfer.Web.Features.";

    private static string Features => Path.Combine(Repository.Root(), "src", "AnqingTechTransfer.Web", "Features");

    private sealed record ControllerInfo(string Name, string Folder, HashSet<string> Actions);

    private static List<ControllerInfo> Controllers() =>
        typeof(Program).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsPublic: true } && typeof(ControllerBase).IsAssignableFrom(t) && t.Namespace is not null)
            .Select(t => new ControllerInfo(
                t.Name[..^"Controller".Length],
                t.Namespace!.StartsWith(FeaturesNamespace, StringComparison.Ordinal)
                    ? t.Namespace[FeaturesNamespace.Length..].Replace('.', '/')
                    : string.Empty,
                t.GetMethods(BindingFlags.Public | BindingFlags.Instance)
                    .Where(m => !m.IsSpecialName && m.GetCustomAttribute<NonActionAttribute>() is null && IsOurs(m.DeclaringType))
                    .Select(m => m.GetCustomAttribute<ActionNameAttribute>()?.Name ?? m.Name)
                    .ToHashSet(StringComparer.Ordinal)))
            .ToList();

    /// <summary>An action is declared by a controller of the app (or its own base class, such as the market's listings), not by MVC's.</summary>
    private static bool IsOurs(Type? type) => type?.Namespace?.StartsWith(FeaturesNamespace, StringComparison.Ordinal) == true;

    public static TheoryData<string> Views()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Features, "*.cshtml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Features, file).Replace(Path.DirectorySeparatorChar, '/'));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Views))]
    public void Every_tag_helper_link_names_an_action_that_exists(string view)
    {
        var controllers = Controllers();
        var folder = Path.GetDirectoryName(view)!.Replace(Path.DirectorySeparatorChar, '/');
        var broken = new List<string>();
        foreach (Match tag in TagWithTarget().Matches(File.ReadAllText(Path.Combine(Features, view))))
        {
            var controller = ControllerAttribute().Match(tag.Value) is { Success: true } c ? c.Groups[1].Value : null;
            var action = ActionAttribute().Match(tag.Value) is { Success: true } a ? a.Groups[1].Value : "Index";
            if (controller?.StartsWith('@') == true || action.StartsWith('@'))
            {
                continue; // an expression (nameof, a model value): the compiler or the page's own test checks it
            }

            var candidates = controller is not null
                ? controllers.Where(x => x.Name == controller).ToList()
                : OwnersOf(folder, controllers);
            if (controller is not null && candidates.Count != 1)
            {
                broken.Add($"{tag.Value}: {candidates.Count} controllers named {controller}");
            }
            else if (candidates.Count == 0 && folder != "Shared")
            {
                broken.Add($"{tag.Value}: no controller has its views in {folder}/");
            }
            else if (candidates.Count > 0 && !candidates.Any(x => x.Actions.Contains(action)))
            {
                broken.Add($"{tag.Value}: {string.Join(", ", candidates.Select(x => x.Name))} has no action {action}");
            }
        }

        broken.Should().BeEmpty($"{view} links only to actions that exist");
    }

    [Fact]
    public void Controller_names_are_unique_so_tag_helpers_find_one()
    {
        Controllers().GroupBy(c => c.Name).Where(g => g.Count() > 1).Select(g => g.Key).Should().BeEmpty();
    }

    /// <summary>
    /// The controllers that render a view of this folder: those whose namespace is the folder, else those below it (a
    /// module's shared partial). Views are found by namespace only (FeatureViewLocationExpander).
    /// </summary>
    private static List<ControllerInfo> OwnersOf(string folder, List<ControllerInfo> controllers)
    {
        var here = controllers.Where(c => c.Folder == folder).ToList();
        if (here.Count > 0)
        {
            return here;
        }

        return controllers.Where(c => c.Folder.StartsWith(folder + "/", StringComparison.Ordinal)).ToList();
    }
}
