using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Web.Authorization;
using AnqingTechTransfer.Web.Tenancy;

namespace AnqingTechTransfer.Web.Features.Enterprises;

/// <summary>
/// 企业资质 (high-tech certificates, tech SMEs, 专精特新, the 高企培育库 and the provincial list import): an enterprise enters
/// its own qualifications; its county or park, or the bureau, confirms them and keeps the cultivation pool (the tenant
/// filter gives each the records of its region); leaders read; the bureau and its admin import the provincial lists.
/// Every right needs an active organization.
/// </summary>
public sealed class EnterprisePermissions(ICurrentActor actor) : IModulePermissions
{
    private static readonly string[] Confirmers = [PortalRoles.Bureau, PortalRoles.County, PortalRoles.Park];

    /// <summary>Confirms or rejects the qualifications enterprises entered (the bureau, counties and parks).</summary>
    public bool Confirms => actor.ActsAny(Confirmers);

    /// <summary>Enters its own certificates, tech-SME numbers and 专精特新 recognitions (an enterprise).</summary>
    public bool Enters => actor.Acts(PortalRoles.Enterprise);

    /// <summary>Reads the qualification lists and exports them (confirmers, enterprises — their own — and leaders).</summary>
    public bool Reads => Confirms || Enters || actor.Acts(PortalRoles.Leader);

    /// <summary>Keeps the 高企培育库: marks enterprises, edits, notes, graduates them (the bureau, counties and parks).</summary>
    public bool Cultivates => actor.ActsAny(Confirmers);

    /// <summary>Chooses the county or park of a cultivated enterprise (the bureau; a county or park marks its own).</summary>
    public bool ChoosesCultivationRegion => actor.Acts(PortalRoles.Bureau);

    /// <summary>Imports the provincial lists (the bureau and its admin: the BureauStaff policy of the import pages).</summary>
    public bool ImportsProvincialLists => actor.ActsAny(PortalRoles.Bureau, PortalRoles.BureauAdmin);
}
