using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Files;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Domain.Regions;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Attachments;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Account;

/// <summary>Self-registration of an organization with its first user, and a rejected applicant's correction.</summary>
public class RegistrationHandler(PortalDbContext db, UserManager<PortalUser> users, AttachmentUploader uploader, TimeProvider clock) : Shared.IUseCase
{
    public const string LicenceOwnerType = "Organization";
    public static readonly FileKind[] LicenceKinds = [FileKind.Pdf, FileKind.Jpeg, FileKind.Png];

    /// <summary>Checks the organization part; returns the checked licence upload (if any) when everything holds.</summary>
    public async Task<(bool Ok, UploadCheck? Licence)> ValidateAsync(OrganizationDetailsForm form, ModelStateDictionary state, Guid? ownId, CancellationToken ct)
    {
        // Model binding turns an empty field into null, whatever the property's initial value.
        form.RegionCode ??= string.Empty;
        if (form.Kind is { } kind && !OrganizationKinds.SelfRegistering.Contains(kind))
        {
            state.AddModelError(nameof(form.Kind), "该类型单位由市科技局统一开通，不能自行注册");
        }

        if (form.RegionCode.Length > 0 && !AnqingRegions.All.Any(r => r.Code == form.RegionCode))
        {
            state.AddModelError(nameof(form.RegionCode), "请选择列表中的县（市、区）或园区");
        }

        var code = CreditCode.Normalize(form.CreditCode);
        form.CreditCode = code;
        switch (CreditCode.Check(code))
        {
            case CreditCodeVerdict.InvalidFormat when code.Length > 0:
                state.AddModelError(nameof(form.CreditCode), CreditCode.Message(CreditCodeVerdict.InvalidFormat));
                break;
            case CreditCodeVerdict.ChecksumMismatch when !form.ConfirmChecksum:
                state.AddModelError(nameof(form.CreditCode), CreditCode.Message(CreditCodeVerdict.ChecksumMismatch) + "。确认无误请勾选下方确认框后再提交。");
                break;
        }

        // Tenancy bypass: a code may be registered once in the whole city, whoever registered it.
        if (code.Length == 18 && await db.Organizations.IgnoreQueryFilters([PortalDbContext.TenantFilter])
                .AnyAsync(o => o.CreditCode == code && o.Id != ownId, ct))
        {
            state.AddModelError(nameof(form.CreditCode), "该统一社会信用代码已注册。如需开通账号，请联系本单位管理员。");
        }

        UploadCheck? licence = null;
        if (form.Licence is { } file)
        {
            licence = await uploader.CheckAsync(file, LicenceKinds, ct);
            if (licence.Error is not null)
            {
                state.AddModelError(nameof(form.Licence), licence.Error);
            }
        }

        return (state.IsValid, licence);
    }

    public async Task<PortalUser?> RegisterAsync(RegisterForm form, UploadCheck? licence, ModelStateDictionary state, CancellationToken ct)
    {
        if (await users.FindByNameAsync(form.UserName) is not null)
        {
            state.AddModelError(nameof(form.UserName), "该用户名已被使用，请换一个");
            return null;
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var organization = Organization.Create(form.Kind!.Value, form.OrganizationName, form.CreditCode, form.RegionCode, now,
            OrganizationStatus.Pending, form.Address, form.ContactName, form.ContactPhone);
        db.Organizations.Add(organization);
        await db.SaveChangesAsync(ct);

        var user = new PortalUser
        {
            UserName = form.UserName,
            DisplayName = form.DisplayName.Trim(),
            OrganizationId = organization.Id,
            IsOrganizationAdmin = true,
            PasswordChangedAt = now,
            CreatedAt = now,
        };
        var created = await users.CreateAsync(user, form.Password);
        if (!created.Succeeded)
        {
            foreach (var field in created.Errors.GroupBy(e => e.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(form.Password) : nameof(form.UserName)))
            {
                state.AddModelError(field.Key, string.Join("；", field.Select(e => e.Description).Distinct()));
            }

            return null; // the transaction is rolled back on dispose: nothing half-registered stays
        }

        ReferenceCheck(await users.AddToRoleAsync(user, form.Kind.Value.DefaultRole()));
        if (licence is not null)
        {
            var attachment = await uploader.AddAsync(LicenceOwnerType, organization.Id, organization.Id, organization.RegionCode, form.Licence!.FileName, licence, ct);
            organization.AttachLicence(attachment.Id);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return user;
    }

    public async Task CorrectAsync(Organization organization, OrganizationDetailsForm form, UploadCheck? licence, CancellationToken ct)
    {
        organization.SetDetails(form.OrganizationName, form.CreditCode, form.RegionCode, form.Address, form.ContactName, form.ContactPhone);
        if (licence is not null)
        {
            var attachment = await uploader.AddAsync(LicenceOwnerType, organization.Id, organization.Id, organization.RegionCode, form.Licence!.FileName, licence, ct);
            organization.AttachLicence(attachment.Id);
        }

        if (organization.Status == OrganizationStatus.Rejected)
        {
            organization.Resubmit();
        }

        await db.SaveChangesAsync(ct);
    }

    private static void ReferenceCheck(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
