using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Audit;
using AnqingTechTransfer.Domain.Identity;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Infrastructure.Security;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.AspNetCore.Identity;

namespace AnqingTechTransfer.Web.Features.Administration.Users;

/// <summary>The roles page of one account: what it holds, what the viewer may give or take, and why not the rest.</summary>
public sealed class UserRolesForm
{
    public List<string> Roles { get; set; } = [];
}

public sealed record UserRolesPage(UserRow User, IReadOnlyList<(string Role, bool Held, string? Locked)> Choices, UserRolesForm Form);

/// <summary>
/// 分配角色: the roles the grant table lets the actor give or take, 三权分立 kept, and the last active holder of an
/// administrator role keeps it. The account's open sessions end, so a role taken away does not stay in one.
/// </summary>
public sealed class ChangeRolesHandler(PortalDbContext db, UserManager<PortalUser> users, ICurrentActor actor, UserPermissions permissions,
    SessionRevocation sessions) : IUseCase
{
    public async Task<RecordResult<UserRolesPage>> FormAsync(Guid id, CancellationToken ct)
    {
        var row = await UserAccounts.ManagedRowAsync(db, actor, permissions, id, ct);
        if (row is null)
        {
            return RecordResult<UserRolesPage>.NotFound;
        }

        return row.ReadOnlyReason is not null
            ? RecordResult<UserRolesPage>.Forbidden
            : RecordResult<UserRolesPage>.Done(Page(row, new UserRolesForm { Roles = [.. row.Roles] }));
    }

    public async Task<RecordResult<UserRolesPage>> HandleAsync(Guid id, UserRolesForm form, CancellationToken ct)
    {
        var row = await UserAccounts.ManagedRowAsync(db, actor, permissions, id, ct);
        if (row is null)
        {
            return RecordResult<UserRolesPage>.NotFound;
        }

        if (row.ReadOnlyReason is not null)
        {
            return RecordResult<UserRolesPage>.Forbidden;
        }

        var wanted = form.Roles.Where(PortalRoles.All.Contains).Distinct().ToList();
        var added = wanted.Except(row.Roles).ToList();
        var removed = row.Roles.Except(wanted).ToList();
        var refusals = added.Concat(removed).Select(r => permissions.WhyNotGrant(r, row.Account.Target))
            .Append(RoleGrants.CheckSeparation(wanted))
            .Append(wanted.Count == 0 ? "请至少保留一个角色" : null)
            .OfType<string>().ToList();
        foreach (var role in removed.Where(PortalRoles.Administrators.Contains))
        {
            refusals.AddRange(await UserAccounts.LastHolderAsync(db, row.Id, role, ct) is { } last ? [last] : []);
        }

        if (refusals.Count > 0)
        {
            return Refused(row, form, string.Join("；", refusals.Distinct()));
        }

        var user = await users.FindByIdAsync(id.ToString());
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var result = await users.RemoveFromRolesAsync(user!, removed);
        if (result.Succeeded)
        {
            result = await users.AddToRolesAsync(user!, added);
        }

        if (!result.Succeeded)
        {
            return Refused(row, form, string.Join("；", result.Errors.Select(e => e.Description)));
        }

        await sessions.RevokeAsync(user!, ct); // a role taken away must not stay in an open session
        foreach (var (action, roles) in new[] { ("分配角色", added), ("撤销角色", removed) }.Where(c => c.Item2.Count > 0))
        {
            db.Audit(action, AuditOutcome.Success, nameof(PortalUser), user!.Id.ToString(), $"{user.UserName}：{string.Join("、", roles.Select(PortalRoles.DisplayName))}");
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return RecordResult<UserRolesPage>.Done(Page(row, form));
    }

    private RecordResult<UserRolesPage> Refused(UserRow row, UserRolesForm form, string message) =>
        RecordResult<UserRolesPage>.Invalid([new FieldError(nameof(form.Roles), message)], Page(row, form));

    private UserRolesPage Page(UserRow row, UserRolesForm form) =>
        new(row, PortalRoles.All
            .Select(r => (r, row.Roles.Contains(r), permissions.WhyNotGrant(r, row.Account.Target)))
            .Where(c => c.Item2 || c.Item3 is null)
            .ToList(), form);
}
