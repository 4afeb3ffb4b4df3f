using AnqingTechTransfer.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace AnqingTechTransfer.Web.Authorization;

/// <summary>
/// Marks a module's permissions class: the one place of that module that reads the actor's roles (a source test holds
/// it). Registered scoped as itself, so controllers ask it for page-level rights and views get its answers as flags.
/// </summary>
public interface IModulePermissions;

/// <summary>
/// A module's permissions over one kind of record, reached through ASP.NET Core's resource-based authorization
/// (<c>IAuthorizationService.AuthorizeAsync(User, record, operation)</c>) and directly through <see cref="Allows"/>.
/// Unit-tested as a table: actor × operation × record state → allowed.
/// </summary>
public abstract class Permissions<TResource>(ICurrentActor actor) : AuthorizationHandler<OperationAuthorizationRequirement, TResource>, IModulePermissions
{
    protected ICurrentActor Actor => actor;

    public abstract bool Allows(OperationAuthorizationRequirement operation, TResource resource);

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, TResource resource)
    {
        if (Allows(requirement, resource))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
