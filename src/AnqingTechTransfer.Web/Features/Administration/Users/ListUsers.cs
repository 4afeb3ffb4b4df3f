using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Audit;
using AnqingTechTransfer.Domain.Identity;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Infrastructure;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs.Attributes;

namespace AnqingTechTransfer.Web.Features.Administration.Users;

/// <summary>The user list: the search as asked and one page of the accounts the actor sees.</summary>
public sealed record UserListPage(string? Q, PagedList<UserRow> Users);

public sealed class UserExportRow
{
    [ExcelColumnName("用户名")] public string UserName { get; init; } = string.Empty;
    [ExcelColumnName("姓名")] public string DisplayName { get; init; } = string.Empty;
    [ExcelColumnName("所属单位")] public string Organization { get; init; } = string.Empty;
    [ExcelColumnName("角色")] public string Roles { get; init; } = string.Empty;
    [ExcelColumnName("状态")] public string Status { get; init; } = string.Empty;
    [ExcelColumnName("管理方")] public string ManagedBy { get; init; } = string.Empty;
}

/// <summary>Users of one's own organization (organization admins) or of all organizations (bureau admin), by user name or name; and their export.</summary>
public sealed class ListUsersHandler(PortalDbContext db, ICurrentActor actor, UserPermissions permissions) : IUseCase
{
    public async Task<UserListPage> HandleAsync(string? q, int page, CancellationToken ct)
    {
        var list = await UserAccounts.Query(db, actor, q).ToPagedListAsync(page, ct: ct);
        await UserAccounts.AttachRolesAsync(db, actor, permissions, list.Items, ct);
        return new UserListPage(q, list);
    }

    /// <summary>The export is an audit row of its own.</summary>
    public async Task<IReadOnlyList<UserExportRow>> ExportAsync(string? q, CancellationToken ct)
    {
        var rows = await UserAccounts.Query(db, actor, q).Take(ExcelExport.MaxRows).ToListAsync(ct);
        await UserAccounts.AttachRolesAsync(db, actor, permissions, rows, ct);
        db.Audit("导出", AuditOutcome.Success, nameof(PortalUser), null, $"用户列表 {rows.Count} 行");
        await db.SaveChangesAsync(ct);
        return rows.Select(r => new UserExportRow
        {
            UserName = r.UserName,
            DisplayName = r.DisplayName,
            Organization = r.OrganizationName,
            Roles = string.Join("、", r.Roles.Select(PortalRoles.DisplayName)),
            Status = r.IsDisabled ? "已停用" : "正常",
            ManagedBy = r.ReadOnlyReason is null ? "本单位管理员" : "市科技局系统管理员",
        }).ToList();
    }
}
