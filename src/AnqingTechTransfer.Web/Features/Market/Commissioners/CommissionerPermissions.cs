using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Matching;
using AnqingTechTransfer.Web.Authorization;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.Extensions.Options;

namespace AnqingTechTransfer.Web.Features.Market.Commissioners;

/// <summary>
/// 科技服务专员: the bureau, counties and parks register commissioners of every kind under their own organization and keep
/// them (the bureau may help with any); 市经信局 (a Department user whose credit code is configured) leads the
/// 工业互联网服务专员: it registers and keeps commissioners of that kind only. Leaders and the municipal departments read the
/// list, the departments city-wide (their tenant scope is their own organization).
/// </summary>
public sealed class CommissionerPermissions : Permissions<Commissioner>
{
    /// <summary>Registers the commissioner (a new record, not yet saved: its kind decides for the lead department).</summary>
    public static readonly OperationAuthorizationRequirement Register = new() { Name = "CommissionerRegister" };

    /// <summary>Assigns enterprises to and logs services of a commissioner.</summary>
    public static readonly OperationAuthorizationRequirement Edit = new() { Name = "CommissionerEdit" };

    private readonly Func<CancellationToken, Task<bool>> _lookUpLead;
    private bool? _holdsLeadDuty;

    public CommissionerPermissions(ICurrentActor actor, DepartmentDuty duty, IOptions<CommissionerOptions> options) : base(actor) =>
        _lookUpLead = ct => duty.HeldAsync(options.Value.IndustrialInternetLeads, ct);

    /// <summary>For the permissions table: the department duty as if already looked up (by credit code).</summary>
    internal CommissionerPermissions(ICurrentActor actor, bool holdsLeadDuty) : base(actor)
    {
        _lookUpLead = _ => Task.FromResult(holdsLeadDuty);
        _holdsLeadDuty = holdsLeadDuty;
    }

    /// <summary>Registers and keeps commissioners of every kind (the bureau, counties and parks).</summary>
    public bool ManagesAnyKind => Actor.ActsAny(PortalRoles.Bureau, PortalRoles.County, PortalRoles.Park);

    /// <summary>Reads the list of commissioners: those who keep them, leaders and the municipal departments.</summary>
    public bool Reads => ManagesAnyKind || Actor.ActsAny(PortalRoles.Leader, PortalRoles.Department);

    /// <summary>
    /// Reads every organization's commissioners although its tenant scope is its own organization: the municipal
    /// departments (the lead department needs the city's count against the plan's number).
    /// </summary>
    public bool ReadsCityWide => Actor.Acts(PortalRoles.Department);

    /// <summary>Splits the city's yearly numbers over the regions: the bureau.</summary>
    public bool MaySetTargets => Actor.Acts(PortalRoles.Bureau);

    /// <summary>Reads the city's figures (the sum and the split): the actors whose region is the city; the others read their region's.</summary>
    public bool ReadsCity => Actor.RegionCode == Domain.Regions.AnqingRegions.City;

    /// <summary>Leads the 工业互联网服务专员 (known once <see cref="LoadAsync"/> ran; the authorization service runs it).</summary>
    public bool LeadsIndustrialInternet => Actor.Acts(PortalRoles.Department) && _holdsLeadDuty == true;

    /// <summary>Looks the department duty up once per request.</summary>
    public async Task<CommissionerPermissions> LoadAsync(CancellationToken ct)
    {
        _holdsLeadDuty ??= Actor.Acts(PortalRoles.Department) && await _lookUpLead(ct);
        return this;
    }

    /// <summary>The kinds the actor registers: every kind, the lead department's own kind, or none.</summary>
    public IReadOnlyList<CommissionerKind> RegistrableKinds =>
        ManagesAnyKind ? Enum.GetValues<CommissionerKind>() : LeadsIndustrialInternet ? [CommissionerKind.IndustrialInternet] : [];

    /// <summary>Opens the registration form.</summary>
    public bool MayRegister => RegistrableKinds.Count > 0;

    public bool MayRegisterKind(CommissionerKind kind) => RegistrableKinds.Contains(kind);

    public override bool Allows(OperationAuthorizationRequirement operation, Commissioner commissioner) => operation.Name switch
    {
        "CommissionerRegister" => MayRegisterKind(commissioner.Kind),
        "CommissionerEdit" => Actor.Acts(PortalRoles.Bureau)
            || (ManagesAnyKind && commissioner.OrganizationId == Actor.OrganizationId)
            || (LeadsIndustrialInternet && commissioner.Kind == CommissionerKind.IndustrialInternet),
        _ => false,
    };

    public async Task<bool> AllowsAsync(OperationAuthorizationRequirement operation, Commissioner commissioner, CancellationToken ct) =>
        (await LoadAsync(ct)).Allows(operation, commissioner);

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, Commissioner resource)
    {
        await LoadAsync(CancellationToken.None);
        await base.HandleRequirementAsync(context, requirement, resource);
    }
}
