using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.FirstProducts;
using AnqingTechTransfer.Web.Authorization;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.Extensions.Options;

namespace AnqingTechTransfer.Web.Features.Finance.FirstProducts;

/// <summary>
/// 三首产品: an enterprise applies for recognition; the county or park of its region screens the application; the
/// department holding the duty (<see cref="FirstProductOptions.DecidingDepartments"/>, 市经信局) keeps the demand list,
/// decides and builds the promotion catalog; departments, counties, parks, enterprises and the bureau record purchases.
/// Every right needs an active organization.
/// </summary>
public sealed class FirstProductPermissions(ICurrentActor actor, DepartmentDuty duty, IOptions<FirstProductOptions> options)
    : Permissions<FirstProductApplication>(actor)
{
    /// <summary>Screen (recommend or return) an application: the county or park of the applicant's region.</summary>
    public static readonly OperationAuthorizationRequirement Screen = new() { Name = "FirstProductScreen" };

    /// <summary>Applies for recognition and reads its own applications (an enterprise).</summary>
    public bool Applies => Actor.Acts(PortalRoles.Enterprise);

    /// <summary>Screens the applications of its region (a county or park).</summary>
    public bool Screens => Actor.ActsAny(PortalRoles.County, PortalRoles.Park);

    /// <summary>Records purchases under the promotion catalog: departments, counties, parks, enterprises and the bureau.</summary>
    public bool Purchases => Actor.ActsAny(PortalRoles.Department, PortalRoles.County, PortalRoles.Park, PortalRoles.Enterprise, PortalRoles.Bureau);

    /// <summary>Keeps the demand list, decides recognitions and builds the catalog (the deciding department).</summary>
    public Task<bool> DecidesAsync(CancellationToken ct) => duty.HeldAsync(options.Value.DecidingDepartments, ct);

    /// <summary>Reads the applications (an enterprise only its own): applicants, screeners, the decider and the bureau.</summary>
    public async Task<bool> ReadsApplicationsAsync(CancellationToken ct) =>
        Applies || Screens || Actor.Acts(PortalRoles.Bureau) || await DecidesAsync(ct);

    public override bool Allows(OperationAuthorizationRequirement operation, FirstProductApplication application) => operation.Name switch
    {
        "FirstProductScreen" => Screens && application.RegionCode == Actor.RegionCode,
        _ => false,
    };
}
