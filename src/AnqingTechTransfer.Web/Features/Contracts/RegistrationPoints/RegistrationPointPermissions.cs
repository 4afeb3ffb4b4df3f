using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Web.Authorization;
using AnqingTechTransfer.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace AnqingTechTransfer.Web.Features.Contracts.RegistrationPoints;

/// <summary>
/// 登记点管理: the bureau and its admin (the BureauStaff policy of the pages) create, close and reopen registration points and
/// assign registrars to them; only an account holding the registrar's role may be assigned.
/// </summary>
public sealed class RegistrationPointPermissions(UserManager<PortalUser> users) : IModulePermissions
{
    /// <summary>The account may be assigned to a point: it holds the registrar's role.</summary>
    public Task<bool> MayBeAssignedAsync(PortalUser user) => users.IsInRoleAsync(user, PortalRoles.Registrar);
}
