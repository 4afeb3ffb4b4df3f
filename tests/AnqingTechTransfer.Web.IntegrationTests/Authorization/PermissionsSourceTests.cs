using System.Text.RegularExpressions;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;

namespace AnqingTechTransfer.Web.IntegrationTests.Authorization;

/// <summary>Issue 20: the permissions classes are the only readers of roles under Features/.</summary>
public partial class PermissionsSourceTests
{
    [GeneratedRegex(@"\bIsInRole(Async)?\s*\(")]
    private static partial Regex RoleRead();

    [Fact]
    public void No_controller_view_or_handler_under_Features_reads_roles_outside_a_permissions_class()
    {
        var features = Path.Combine(Repository.Root(), "src", "AnqingTechTransfer.Web", "Features");
        var offenders = Directory.EnumerateFiles(features, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !Path.GetFileName(f).EndsWith("Permissions.cs", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(features, f), Line: i + 1, Text: line)))
            .Where(l => RoleRead().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();
        offenders.Should().BeEmpty("rights are decided by the module's permissions class, not by reading roles inline");
    }

    [Fact]
    public void Every_module_folder_with_a_controller_has_a_permissions_class()
    {
        var features = Path.Combine(Repository.Root(), "src", "AnqingTechTransfer.Web", "Features");
        var permissions = Directory.EnumerateFiles(features, "*Permissions.cs", SearchOption.AllDirectories).ToList();
        permissions.Should().NotBeEmpty();
        foreach (var file in permissions)
        {
            File.ReadAllText(file).Should().MatchRegex(@"(IModulePermissions|Permissions<)", $"{file} is registered as a module's permissions class");
        }
    }
}
