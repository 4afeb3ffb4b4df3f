using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace AnqingTechTransfer.Web.Features.Contracts;

/// <summary>
/// What a user may do to a contract they can already see (the tenant filter decides seeing): the filing organization
/// edits, submits and declares income; the point's registrars and the bureau decide; everyone else only reads.
/// </summary>
public class ContractAuthorizationHandler(ICurrentActor actor) : AuthorizationHandler<OperationAuthorizationRequirement, TechContract>
{
    public static readonly string[] FilingRoles = [PortalRoles.Enterprise, PortalRoles.University, PortalRoles.Agency];

    public static readonly OperationAuthorizationRequirement File = new() { Name = "ContractFile" };
    public static readonly OperationAuthorizationRequirement Decide = new() { Name = "ContractDecide" };

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, TechContract contract)
    {
        var active = actor.OrganizationStatus == OrganizationStatus.Active;
        var allowed = requirement.Name switch
        {
            "ContractFile" => active && contract.FilerOrganizationId == actor.OrganizationId && FilingRoles.Any(actor.IsInRole),
            "ContractDecide" => active && (actor.IsInRole(PortalRoles.Bureau)
                || (actor.IsInRole(PortalRoles.Registrar) && actor.RegistrationPointIds.Contains(contract.RegistrationPointId))),
            _ => false,
        };
        if (allowed)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
