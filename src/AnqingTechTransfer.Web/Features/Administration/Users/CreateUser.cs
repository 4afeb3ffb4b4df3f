using System.ComponentModel.DataAnnotations;
using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Audit;
using AnqingTechTransfer.Domain.Identity;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Administration.Users;

/// <summary>What the new-user form offers: the roles to tick and whether the organization is chosen (by its credit code).</summary>
public sealed record NewUserChoices(IReadOnlyList<string> Roles, bool ChooseOrganization)
{
    public static readonly NewUserChoices None = new([], false);
}

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

    /// <summary>Filled by the handler for the page, never posted.</summary>
    [BindNever]
    public NewUserChoices Choices { get; set; } = NewUserChoices.None;
}

/// <summary>The account created and its one-time password (shown once).</summary>
public sealed record CreatedUser(string UserName, string Password);

/// <summary>
/// 新增用户: an account in the actor's organization, or (the bureau's system administrator) in the organization of the
/// credit code given, with the roles the grant table lets the actor give and 三权分立 kept; a one-time password to change at
/// the first sign-in.
/// </summary>
public sealed class CreateUserHandler(PortalDbContext db, UserManager<PortalUser> users, ICurrentActor actor, UserPermissions permissions,
    TimeProvider clock) : IUseCase
{
    public async Task<NewUserForm> NewAsync(CancellationToken ct) => await WithChoicesAsync(new NewUserForm(), ct);

    /// <summary>Every check runs (the binder's errors and these are shown together); <paramref name="formValid"/> is the binder's verdict.</summary>
    public async Task<Outcome<CreatedUser>> HandleAsync(NewUserForm form, bool formValid, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var organization = await TargetOrganizationAsync(form, errors, ct);
        if (form.Roles.Count == 0)
        {
            errors.Add(new FieldError(nameof(form.Roles), "请至少选择一个角色"));
        }
        else if (organization is not null)
        {
            var target = new GrantTarget(organization.Id, organization.Kind, organization.RegionCode);
            var refusals = form.Roles.Distinct().Select(r => permissions.WhyNotGrant(r, target)).OfType<string>()
                .Append(RoleGrants.CheckSeparation(form.Roles)).OfType<string>().Distinct().ToList();
            if (refusals.Count > 0)
            {
                errors.Add(new FieldError(nameof(form.Roles), string.Join("；", refusals)));
            }
        }

        if (!string.IsNullOrEmpty(form.UserName) && await users.FindByNameAsync(form.UserName) is not null)
        {
            errors.Add(new FieldError(nameof(form.UserName), "该用户名已被使用"));
        }

        if (!formValid || errors.Count > 0 || organization is null)
        {
            await WithChoicesAsync(form, ct);
            return Outcome<CreatedUser>.Failed(errors);
        }

        var password = UserAccounts.OneTimePassword();
        var user = new PortalUser
        {
            UserName = form.UserName,
            DisplayName = form.DisplayName.Trim(),
            OrganizationId = organization.Id,
            IsOrganizationAdmin = form.IsOrganizationAdmin,
            MustChangePassword = true,
            CreatedAt = clock.GetUtcNow(),
        };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var created = await users.CreateAsync(user, password);
        if (created.Succeeded)
        {
            created = await users.AddToRolesAsync(user, form.Roles.Distinct());
        }

        if (!created.Succeeded)
        {
            await WithChoicesAsync(form, ct);
            return Outcome<CreatedUser>.Failed([new FieldError(string.Empty, string.Join("；", created.Errors.Select(e => e.Description)))]);
        }

        db.Audit("分配角色", AuditOutcome.Success, nameof(PortalUser), user.Id.ToString(),
            $"{user.UserName}：{string.Join("、", form.Roles.Distinct().Select(PortalRoles.DisplayName))}");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Outcome<CreatedUser>.Ok(new CreatedUser(user.UserName, password));
    }

    private async Task<Organization?> TargetOrganizationAsync(NewUserForm form, List<FieldError> errors, CancellationToken ct)
    {
        if (!permissions.ChoosesOrganization || string.IsNullOrWhiteSpace(form.OrganizationCreditCode))
        {
            var own = actor.OrganizationId;
            return await db.Organizations.SingleOrDefaultAsync(o => o.Id == own, ct);
        }

        var code = CreditCode.Normalize(form.OrganizationCreditCode);
        var organization = await db.Organizations.SingleOrDefaultAsync(o => o.CreditCode == code, ct);
        if (organization is null)
        {
            errors.Add(new FieldError(nameof(form.OrganizationCreditCode), "未找到该统一社会信用代码对应的单位"));
        }
        else if (organization.Status != OrganizationStatus.Active)
        {
            errors.Add(new FieldError(nameof(form.OrganizationCreditCode), "该单位尚未审核通过或已停用，不能添加用户"));
            organization = null;
        }

        return organization;
    }

    private async Task<NewUserForm> WithChoicesAsync(NewUserForm form, CancellationToken ct)
    {
        var own = actor.OrganizationId;
        var organization = await db.Organizations.AsNoTracking().Where(o => o.Id == own).Select(o => new { o.Kind, o.RegionCode }).SingleAsync(ct);
        // The system administrator picks the organization on the form; the server checks the roles against it on submit.
        var roles = permissions.ChoosesOrganization
            ? PortalRoles.All
            : permissions.GrantableFor(new GrantTarget(own, organization.Kind, organization.RegionCode));
        form.Choices = new NewUserChoices(roles.ToList(), permissions.ChoosesOrganization);
        return form;
    }
}
