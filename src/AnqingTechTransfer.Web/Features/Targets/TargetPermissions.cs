using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Regions;
using AnqingTechTransfer.Web.Authorization;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.Extensions.Options;

namespace AnqingTechTransfer.Web.Features.Targets;

/// <summary>
/// 驾驶舱 and 目标管理: who sees which scope and who sets targets. The city's view (the bureau, the municipal departments,
/// city leaders) opens any scope; a county's or park's science office and its leaders only their own. The bureau and the
/// department holding the duty (<see cref="TargetOptions.AssessingDepartments"/>, 市委组织部) set and lock targets. Every
/// right needs an active organization.
/// </summary>
public sealed class TargetPermissions(ICurrentActor actor, DepartmentDuty duty, IOptions<TargetOptions> options) : IModulePermissions
{
    /// <summary>The city's view: the bureau, city leaders and the municipal departments.</summary>
    public bool SeesCity => actor.ActsAny(PortalRoles.Bureau, PortalRoles.Department)
        || (actor.Acts(PortalRoles.Leader) && actor.RegionCode == AnqingRegions.City);

    /// <summary>A county's or park's own view: its science office and its leaders.</summary>
    public bool SeesOwnRegion => actor.Scope == TenantScope.Region && actor.ActsAny(PortalRoles.County, PortalRoles.Park, PortalRoles.Leader);

    /// <summary>Opens the cockpit and the targets at all.</summary>
    public bool CanView => SeesCity || SeesOwnRegion;

    /// <summary>Chooses among all scopes (the others see only their own).</summary>
    public bool ChoosesRegion => SeesCity;

    /// <summary>The scope a user may open: any for the city's view, only their own otherwise (null: not theirs).</summary>
    public string? Resolve(string? requested)
    {
        if (SeesCity)
        {
            return string.IsNullOrEmpty(requested) ? AnqingRegions.City : AnqingRegions.All.Any(r => r.Code == requested) ? requested : null;
        }

        return string.IsNullOrEmpty(requested) || requested == actor.RegionCode ? actor.RegionCode : null;
    }

    /// <summary>Chooses which field of the contract form the plan's 技术合同交易额 target tracks (the bureau, issue 22).</summary>
    public bool ChoosesContractField => actor.Acts(PortalRoles.Bureau);

    /// <summary>Sets, generates, locks and unlocks targets and enters baselines (the bureau and the assessing department).</summary>
    public async Task<bool> SetsTargetsAsync(CancellationToken ct) =>
        actor.Acts(PortalRoles.Bureau) || await duty.HeldAsync(options.Value.AssessingDepartments, ct);
}
