using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Web.Authorization;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace AnqingTechTransfer.Web.Features.Contracts;

/// <summary>
/// What a user may do to a contract they can already see (the tenant filter decides seeing): the filing organization
/// edits, submits and declares income; the point's registrars and the bureau decide; everyone else only reads. A registrar
/// never decides a contract its own organization filed or is a party to (filer, seller, buyer or broker): the bureau or
/// another point's registrar must.
/// </summary>
public sealed class ContractPermissions(ICurrentActor actor) : Permissions<TechContract>(actor)
{
    public static readonly string[] FilingRoles = [PortalRoles.Enterprise, PortalRoles.University, PortalRoles.Agency];

    public static readonly OperationAuthorizationRequirement File = new() { Name = "ContractFile" };
    public static readonly OperationAuthorizationRequirement Decide = new() { Name = "ContractDecide" };

    /// <summary>May start a new filing (an enterprise, university or agency of an active organization).</summary>
    public bool MayFile => Actor.ActsAny(FilingRoles);

    /// <summary>Works a registrar's queue (a registrar with at least one point).</summary>
    public bool WorksQueue => Actor.Acts(PortalRoles.Registrar) && Actor.RegistrationPointIds.Count > 0;

    /// <summary>Sees the registrar's queue and its filters (registrars and the bureau).</summary>
    public bool SeesQueue => Actor.ActsAny(PortalRoles.Registrar, PortalRoles.Bureau);

    /// <summary>Takes the large contracts' second review (the bureau).</summary>
    public bool SecondReviews => Actor.Acts(PortalRoles.Bureau);

    /// <summary>Reads the working-day calendar: the bureau's staff keep it, registrars count time limits on it (issue 25 §2: the
    /// calendar's to-do opens it for both).</summary>
    public bool ReadsCalendar => Actor.ActsAny(PortalRoles.Bureau, PortalRoles.BureauAdmin, PortalRoles.Registrar);

    /// <summary>Adds and removes the calendar's holidays and make-up working days (the bureau's staff).</summary>
    public bool KeepsCalendar => Actor.ActsAny(PortalRoles.Bureau, PortalRoles.BureauAdmin);

    /// <summary>Imports contracts registered elsewhere and reads the city statistics tools (the bureau and its admin).</summary>
    public bool Imports => Actor.ActsAny(PortalRoles.Bureau, PortalRoles.BureauAdmin);

    /// <summary>The actor's organization is on the contract (files it, sells, buys or brokers).</summary>
    public bool IsOwnOrganizations(TechContract contract)
    {
        var own = Actor.OrganizationId;
        return own != Guid.Empty && (contract.FilerOrganizationId == own || contract.SellerOrganizationId == own
            || contract.BuyerOrganizationId == own || contract.BrokerOrganizationId == own);
    }

    public override bool Allows(OperationAuthorizationRequirement operation, TechContract contract) => operation.Name switch
    {
        "ContractFile" => MayFile && contract.FilerOrganizationId == Actor.OrganizationId,
        "ContractDecide" => Actor.Acts(PortalRoles.Bureau)
            || (Actor.Acts(PortalRoles.Registrar) && Actor.RegistrationPointIds.Contains(contract.RegistrationPointId) && !IsOwnOrganizations(contract)),
        _ => false,
    };
}
