using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Domain.Regions;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AnqingTechTransfer.Web.Features.Cockpit;

public class TargetOptions
{
    public const string Section = "Targets";

    /// <summary>
    /// Credit codes of the municipal departments that set and lock targets with the bureau: the organization department
    /// (市委组织部), which assesses the counties' and parks' leadership on 吸纳.
    /// </summary>
    public List<string> AssessingDepartments { get; set; } = [];
}

/// <summary>Who sees which cockpit and who sets targets.</summary>
public class TargetAccess(ICurrentActor actor, PortalDbContext db, IOptions<TargetOptions> options)
{
    private bool Active => actor.OrganizationStatus == OrganizationStatus.Active;

    /// <summary>The city's view: the bureau, city leaders and the municipal departments.</summary>
    public bool SeesCity => Active && (actor.IsInRole(PortalRoles.Bureau) || actor.IsInRole(PortalRoles.Department)
        || (actor.IsInRole(PortalRoles.Leader) && actor.RegionCode == AnqingRegions.City));

    /// <summary>A county's or park's own view: its science office and its leaders.</summary>
    public bool SeesOwnRegion => Active && actor.Scope == TenantScope.Region
        && (actor.IsInRole(PortalRoles.County) || actor.IsInRole(PortalRoles.Park) || actor.IsInRole(PortalRoles.Leader));

    public bool CanView => SeesCity || SeesOwnRegion;

    /// <summary>The scope a user may open: any for the city's view, only their own otherwise (null: not theirs).</summary>
    public string? Resolve(string? requested)
    {
        if (SeesCity)
        {
            return string.IsNullOrEmpty(requested) ? AnqingRegions.City : AnqingRegions.All.Any(r => r.Code == requested) ? requested : null;
        }

        return string.IsNullOrEmpty(requested) || requested == actor.RegionCode ? actor.RegionCode : null;
    }

    public async Task<bool> CanSetTargetsAsync(CancellationToken ct)
    {
        if (!Active)
        {
            return false;
        }

        return actor.IsInRole(PortalRoles.Bureau) || await DepartmentDuty.HeldByAsync(db, actor, options.Value.AssessingDepartments, ct);
    }
}
