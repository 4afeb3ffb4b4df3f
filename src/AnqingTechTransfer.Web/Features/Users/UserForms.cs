using System.ComponentModel.DataAnnotations;
using AnqingTechTransfer.Domain.Organizations;

namespace AnqingTechTransfer.Web.Features.Users;

public sealed record UserRow(Guid Id, string UserName, string DisplayName, string OrganizationName, bool IsOrganizationAdmin, bool IsDisabled,
    DateTimeOffset? LockoutEnd, DateTimeOffset? PasswordChangedAt, bool TwoFactorEnabled, Guid OrganizationId, OrganizationKind OrganizationKind,
    string RegionCode)
{
    public IReadOnlyList<string> Roles { get; set; } = [];

    /// <summary>Why the viewer may not manage this account (a duty the bureau manages, or oneself); null when it may.</summary>
    public string? ReadOnlyReason { get; set; }

    /// <summary>The viewer's own account (managed from 账户安全, not here).</summary>
    public bool IsSelf { get; set; }

    public ManagedAccount Account => new(Id, OrganizationId, OrganizationKind, RegionCode, Roles.ToList());
}

/// <summary>The roles page of one account: what it holds, what the viewer may give or take, and why not the rest.</summary>
public sealed class UserRolesForm
{
    public List<string> Roles { get; set; } = [];
}

public sealed record UserRolesPage(UserRow User, IReadOnlyList<(string Role, bool Held, string? Locked)> Choices, UserRolesForm Form);

public class NewUserForm
{
    [Display(Name = "用户名")]
    [Required(ErrorMessage = "请填写用户名")]
    [RegularExpression(@"^[A-Za-z0-9][A-Za-z0-9._\-@]{2,49}$", ErrorMessage = "用户名为3至50位字母、数字或 . _ - @，以字母或数字开头")]
    public string UserName { get; set; } = string.Empty;

    [Display(Name = "姓名")]
    [Required(ErrorMessage = "请填写姓名")]
    [StringLength(50, ErrorMessage = "姓名不能超过50个字")]
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>Only the bureau admin chooses the organization (by its credit code); an organization admin adds to their own.</summary>
    [Display(Name = "所属单位统一社会信用代码")]
    [StringLength(30)]
    public string? OrganizationCreditCode { get; set; }

    [Display(Name = "角色")]
    public List<string> Roles { get; set; } = [];

    [Display(Name = "设为单位管理员")]
    public bool IsOrganizationAdmin { get; set; }
}
