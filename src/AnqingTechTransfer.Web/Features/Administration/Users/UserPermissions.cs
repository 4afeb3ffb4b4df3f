using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Identity;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Web.Authorization;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace AnqingTechTransfer.Web.Features.Administration.Users;

/// <summary>An account as its manager sees it: whose it is and which roles it holds.</summary>
public sealed record ManagedAccount(Guid UserId, Guid OrganizationId, OrganizationKind OrganizationKind, string RegionCode, IReadOnlyCollection<string> Roles)
{
    public GrantTarget Target => new(OrganizationId, OrganizationKind, RegionCode);
}

/// <summary>
/// Who may manage which account and grant which role: the bureau's system administrator everything the grant table allows,
/// an organization admin its own colleagues, except those who hold a duty of the bureau's (<see cref="RoleGrants"/>).
/// </summary>
public sealed class UserPermissions(ICurrentActor actor) : Permissions<ManagedAccount>(actor)
{
    public static readonly OperationAuthorizationRequirement Manage = Operations.Manage;

    /// <summary>The bureau's system administrator adds users to any organization and picks it by its credit code.</summary>
    public bool ChoosesOrganization => Actor.IsSystemAdmin;

    /// <summary>Sees every organization's users (everyone else: their own organization's).</summary>
    public bool SeesAllUsers => Actor.IsSystemAdmin;

    public GrantingActor Granter => Actor.AsGranter();

    /// <summary>Why the actor may not manage (reset, disable, enable, change the roles of) the account, or null when it may.</summary>
    public string? WhyNotManage(ManagedAccount account) =>
        account.UserId == Actor.UserId ? "不能在此管理自己的账户，请在“账户安全”中修改密码" : RoleGrants.CheckManage(Granter, account.Target, account.Roles);

    public string? WhyNotGrant(string role, GrantTarget target) => RoleGrants.Check(Granter, role, target);

    public IReadOnlyList<string> GrantableFor(GrantTarget target) => RoleGrants.GrantableBy(Granter, target);

    public override bool Allows(OperationAuthorizationRequirement operation, ManagedAccount resource) =>
        operation.Name == Manage.Name && WhyNotManage(resource) is null;
}
