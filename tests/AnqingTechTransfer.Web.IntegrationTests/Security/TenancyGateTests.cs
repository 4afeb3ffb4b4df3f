using System.Reflection;
using System.Text.RegularExpressions;
using AnqingTechTransfer.Web.Features.Home;
using AnqingTechTransfer.Web.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AnqingTechTransfer.Web.IntegrationTests.Security;

/// <summary>Static gates over the source: tenancy bypasses only where allowed, and no action without an explicit access rule.</summary>
public partial class TenancyGateTests
{
    /// <summary>Each file here bypasses the tenant filter for a reason written next to the bypass.</summary>
    private static readonly string[] AllowList =
    [
        "src/AnqingTechTransfer.Web/Tenancy/PortalClaimsFactory.cs",          // sign-in reads the user's own organization before there is an actor
        "src/AnqingTechTransfer.Web/Features/Account/SignIn/SignIn.cs",         // sign-in checks the user's own organization's status
        "src/AnqingTechTransfer.Web/Features/Account/Registration/RegistrationHandler.cs", // a credit code registers once in the whole city
        "src/AnqingTechTransfer.Web/Features/Contracts/ContractFilingHandler.cs", // a party is linked to its portal organization by credit code
        "src/AnqingTechTransfer.Web/Features/Contracts/ContractVerification.cs", // the public checks a certificate by number and secret code
        "src/AnqingTechTransfer.Web/Features/Experts/Reviews/WholePanelHandler.cs",    // a panel's rules need every seat; an expert is shown only their own
        "src/AnqingTechTransfer.Web/Features/Projects/PublicListingHandler.cs", // the publicity list is public: title, unit and amount of the listed only
        "src/AnqingTechTransfer.Web/Features/Supervision/OpenData/DownloadOpenData.cs", // published aggregates and awards: non-personal columns only; personal names read only to withhold cells that hold them
        "src/AnqingTechTransfer.Web/Features/Market/Docking/SolveNeed.cs", // a registered contract solves its docking's need: the one request linked to it, nothing shown
        "src/AnqingTechTransfer.Web/Features/Supervision/Notices/NoticeFiles.cs", // a published notice's own files are public, like the notice
        "src/AnqingTechTransfer.Web/Infrastructure/Mail/MailOutboxSender.cs", // the outbox is claimed FOR UPDATE SKIP LOCKED (EF has no locking clause); system scope, its own table
        "src/AnqingTechTransfer.Web/Infrastructure/Search/SearchBackfill.cs", // fills the search words of rows written by SQL, across tenants: reads title and text only to segment them, shows nothing
    ];

    [GeneratedRegex(@"IgnoreQueryFilters|FromSqlRaw|ExecuteSqlRaw|SqlQueryRaw")]
    private static partial Regex Bypass();

    [Fact]
    public void Tenancy_bypasses_and_raw_sql_appear_only_in_allow_listed_files()
    {
        var root = Repository.Root();
        var offenders = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .Where(f => Bypass().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !AllowList.Contains(f))
            .ToList();
        offenders.Should().BeEmpty("a query of tenant data must go through the tenancy filter; add a reasoned entry to the allow-list only when it cannot");
    }

    [Fact]
    public void Every_controller_action_states_who_may_call_it()
    {
        var missing = typeof(HomeController).Assembly.GetTypes()
            .Where(t => typeof(Controller).IsAssignableFrom(t) && !t.IsAbstract)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Select(m => (Type: t, Method: m)))
            .Where(x => x.Method.GetCustomAttribute<NonActionAttribute>() is null)
            .Where(x => x.Method.GetCustomAttributes<AuthorizeAttribute>().Concat(x.Type.GetCustomAttributes<AuthorizeAttribute>()).Any() is false
                && x.Method.GetCustomAttribute<AllowAnonymousAttribute>() is null && x.Type.GetCustomAttribute<AllowAnonymousAttribute>() is null)
            .Select(x => $"{x.Type.Name}.{x.Method.Name}")
            .ToList();
        missing.Should().BeEmpty("every action says [Authorize(...)] or [AllowAnonymous] explicitly (deny by default stays as a safety net)");
    }
}
