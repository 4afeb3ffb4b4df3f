namespace AnqingTechTransfer.Web.Features.Targets.Cockpit;

/// <summary>
/// The cockpit page and its print view: the figures of the scope and year (cached, <see cref="CockpitHandler"/>) and what
/// the viewer may do with them (choose another scope, open the targets).
/// </summary>
public sealed record CockpitPage(CockpitView Figures, bool SeesCity, bool CanSetTargets);
