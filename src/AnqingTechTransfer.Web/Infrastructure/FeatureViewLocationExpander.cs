using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Razor;

namespace AnqingTechTransfer.Web.Infrastructure;

/// <summary>
/// Views live beside their use case (issue 21, ADR 0013): a controller in namespace
/// <c>AnqingTechTransfer.Web.Features.Contracts.Filing</c> finds its views in <c>/Features/Contracts/Filing/</c>, then in
/// each folder above it up to the module (<c>/Features/Contracts/</c>: the module's shared partials), then in
/// <c>/Features/Shared/</c>. The controller's name plays no part, so a folder holds the views of the use case it is named
/// after and nothing else.
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

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations) =>
        context.Values.TryGetValue(Key, out var ns)
            ? FoldersOf(ns).Select(f => $"/{f}/{{0}}.cshtml").Concat(viewLocations)
            : viewLocations;

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
