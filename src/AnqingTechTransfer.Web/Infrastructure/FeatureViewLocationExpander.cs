using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Razor;

namespace AnqingTechTransfer.Web.Infrastructure;

/// <summary>
/// Views live beside their use case (issue 21, ADR 0013): a controller in namespace
/// <c>AnqingTechTransfer.Web.Features.Contracts.Registration</c> finds its views in <c>/Features/Contracts/Registration/</c>,
/// then in each folder above it up to the module (<c>/Features/Contracts/</c>), then in the older places (the folder named
/// after the controller, and <c>/Features/Shared/</c>). A controller not yet moved keeps the folder named after it first.
/// </summary>
public sealed class FeatureViewLocationExpander : IViewLocationExpander
{
    private const string Key = "feature";
    private const string Root = "AnqingTechTransfer.Web.";

    public void PopulateValues(ViewLocationExpanderContext context)
    {
        if (context.ActionContext.ActionDescriptor is ControllerActionDescriptor action)
        {
            context.Values[Key] = action.ControllerTypeInfo.Namespace;
        }
    }

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations)
    {
        if (!context.Values.TryGetValue(Key, out var ns))
        {
            return viewLocations;
        }

        var folders = FoldersOf(ns);
        var byNamespace = folders.Select(f => $"/{f}/{{0}}.cshtml").ToList();
        // A moved controller (in a use-case folder, or named after its module folder) finds its views by namespace first. A
        // controller not yet moved, whose views sit in a folder named after it (ContractImportController in the Contracts
        // namespace, views in ContractImport/), keeps that folder first, or it would find another controller's Index.
        var moved = folders.Count > 1 || (folders.Count == 1 && folders[0].EndsWith("/" + context.ControllerName, StringComparison.Ordinal));
        return moved ? byNamespace.Concat(viewLocations) : viewLocations.Concat(byNamespace);
    }

    /// <summary>The namespace's folder and its parents, nearest first, down to <c>Features/&lt;Module&gt;</c>.</summary>
    public static IReadOnlyList<string> FoldersOf(string? ns)
    {
        if (ns is null || !ns.StartsWith(Root + "Features.", StringComparison.Ordinal))
        {
            return [];
        }

        var parts = ns[Root.Length..].Split('.');
        return Enumerable.Range(2, parts.Length - 1).Reverse().Select(n => string.Join('/', parts.Take(n))).ToList();
    }
}
