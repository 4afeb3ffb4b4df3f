using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Carriers;
using AnqingTechTransfer.Web.Authorization;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace AnqingTechTransfer.Web.Features.Carriers;

/// <summary>
/// 创新平台与载体 (carriers, pilot services, the agency ranking): the bureau registers anywhere, decides recognitions,
/// assesses the yearly reports and confirms the ranking; a county or park registers and keeps the carriers of its own
/// region and nominates them for provincial recognition; the host organization keeps its carrier's profile, applies,
/// reports, publishes pilot services and answers their requests; enterprises ask for pilot services. Every right needs
/// an active organization.
/// </summary>
public sealed class CarrierPermissions(ICurrentActor actor) : Permissions<Carrier>(actor)
{
    /// <summary>Who acts for a host organization: its own staff in their organization's role — not an expert, registrar or leader who merely belongs to it.</summary>
    public static readonly string[] HostRoles = [PortalRoles.Enterprise, PortalRoles.University, PortalRoles.Agency, PortalRoles.County, PortalRoles.Park];

    /// <summary>Revoke the carrier and read its recognitions and reports (the bureau, or the county or park of its region).</summary>
    public static readonly OperationAuthorizationRequirement Keep = new() { Name = "CarrierKeep" };

    /// <summary>Keep the profile, file the yearly report, publish pilot services, read the agency's ranked deals (the host).</summary>
    public static readonly OperationAuthorizationRequirement Host = new() { Name = "CarrierHost" };

    /// <summary>Apply for recognition: the host for a municipal one, the county or park of its region nominating it for a provincial one.</summary>
    public static readonly OperationAuthorizationRequirement Apply = new() { Name = "CarrierApply" };

    /// <summary>Read the contracts behind an agency's ranking figures (the bureau and the agency itself).</summary>
    public static readonly OperationAuthorizationRequirement SeeDeals = new() { Name = "CarrierSeeDeals" };

    /// <summary>Keep a 创新联合体's members and a 飞地's location (the host, or the bureau).</summary>
    public static readonly OperationAuthorizationRequirement Shape = new() { Name = "CarrierShape" };

    /// <summary>Registers carriers: the bureau anywhere, counties and parks in their own region.</summary>
    public bool Registers => Actor.ActsAny(PortalRoles.Bureau, PortalRoles.County, PortalRoles.Park);

    /// <summary>A county or park: registers in its own region only, keeps and nominates that region's carriers.</summary>
    public bool KeepsOwnRegion => Actor.ActsAny(PortalRoles.County, PortalRoles.Park);

    /// <summary>Decides recognitions, assesses yearly reports, previews and confirms the agency ranking (the bureau).</summary>
    public bool Decides => Actor.Acts(PortalRoles.Bureau);

    /// <summary>Acts for a host organization (see <see cref="HostRoles"/>).</summary>
    public bool ActsForHost => Actor.ActsAny(HostRoles);

    /// <summary>Asks pilot bases for their services (enterprises).</summary>
    public bool RequestsServices => Actor.Acts(PortalRoles.Enterprise);

    /// <summary>Reads the pilot-service requests its organization made or received (any active organization).</summary>
    public bool SeesRequests => Actor.IsOrganizationActive && Actor.OrganizationId != Guid.Empty;

    /// <summary>The pilot base answers and completes the requests made to it.</summary>
    public bool Answers(ServiceRequest request) => ActsForHost && request.BaseOrganizationId == Actor.OrganizationId;

    /// <summary>撤回 a pilot service: the base that published it, or the bureau.</summary>
    public bool Withdraws(PilotService service) => Decides || (ActsForHost && service.OrganizationId == Actor.OrganizationId);

    public bool IsHost(Carrier carrier) => ActsForHost && carrier.OrganizationId != Guid.Empty && carrier.OrganizationId == Actor.OrganizationId;

    public bool IsKeeper(Carrier carrier) => Decides || Nominates(carrier);

    /// <summary>The county or park of the carrier's region.</summary>
    public bool Nominates(Carrier carrier) => KeepsOwnRegion && carrier.RegionCode == Actor.RegionCode;

    public override bool Allows(OperationAuthorizationRequirement operation, Carrier carrier) => operation.Name switch
    {
        "CarrierKeep" => IsKeeper(carrier),
        "CarrierHost" => IsHost(carrier),
        "CarrierApply" => IsHost(carrier) || Nominates(carrier),
        "CarrierSeeDeals" => Decides || IsHost(carrier),
        "CarrierShape" => Decides || IsHost(carrier),
        _ => false,
    };
}
