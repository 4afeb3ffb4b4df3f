namespace AnqingTechTransfer.Web.Features.Targets.Cockpit;

/// <summary>
/// The cockpit page and its print view: the figures of the scope and year (cached, <see cref="CockpitHandler"/>) and what
/// the viewer may do with them (choose another scope, open the targets).
/// </summary>
/// <param name="EnterpriseLead">the city's 企业承担科技攻关项目比例 of the year (awarded projects), outside the figures' cache: awards do
/// not bump the cockpit version</param>
public sealed record CockpitPage(CockpitView Figures, bool SeesCity, bool CanSetTargets, Projects.Awarded.EnterpriseLeadFigure? EnterpriseLead = null);
