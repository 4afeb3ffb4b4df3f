using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Domain.Reports;
using AnqingTechTransfer.Web.Authorization;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace AnqingTechTransfer.Web.Features.Supervision.Reports;

/// <summary>
/// 高校院所科技成果转化年度报告: a university or research institute starts, edits and submits its own report; the bureau
/// accepts or returns the submitted ones; the bureau, its admin and city leaders read the city summary; counties and parks
/// read the reports of their region (tenant filter). Every right needs an active organization.
/// </summary>
public sealed class ReportPermissions(ICurrentActor actor) : Permissions<TransferReport>(actor)
{
    /// <summary>Edit and submit the report (its own unit; whether it is still editable is the report's to say).</summary>
    public static readonly OperationAuthorizationRequirement Edit = new() { Name = "TransferReportEdit" };

    /// <summary>Starts its yearly report (a University user of a university or research institute).</summary>
    public bool Files => Actor.Acts(PortalRoles.University)
        && Actor.OrganizationKind is OrganizationKind.University or OrganizationKind.ResearchInstitute;

    /// <summary>Accepts or returns the submitted reports (the bureau).</summary>
    public bool Reviews => Actor.Acts(PortalRoles.Bureau);

    /// <summary>Reads the city summary: the bureau, its admin and city leaders.</summary>
    public bool SeesSummary => Actor.ActsAny(PortalRoles.Bureau, PortalRoles.BureauAdmin)
        || (Actor.Acts(PortalRoles.Leader) && Actor.Scope == TenantScope.City);

    public override bool Allows(OperationAuthorizationRequirement operation, TransferReport report) => operation.Name switch
    {
        "TransferReportEdit" => Files && report.OrganizationId == Actor.OrganizationId,
        _ => false,
    };
}
