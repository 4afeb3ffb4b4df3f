using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Web.Authorization;
using AnqingTechTransfer.Web.Tenancy;

namespace AnqingTechTransfer.Web.Features.Account;

/// <summary>What the account pages allow the signed-in user to do with their own account.</summary>
public sealed class AccountPermissions(ICurrentActor actor) : IModulePermissions
{
    /// <summary>等保: the three administrators always sign in with a second factor and cannot switch it off.</summary>
    public bool MustUseTwoFactor => PortalRoles.Administrators.Any(actor.IsInRole);
}
