using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Files;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Domain.Regions;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Attachments;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Account.Registration;

/// <summary>
/// Self-registration of an organization with its first user (signed in at once, to follow the review), and the correction
/// of a pending or rejected registration by its organization admin (which resubmits a rejected one). The errors come back
/// to be put next to the fields; the binder's own verdict is passed in, so every check runs and shows as before.
/// </summary>
public class RegistrationHandler(PortalDbContext db, UserManager<PortalUser> users, SignInManager<PortalUser> signIn, AttachmentUploader uploader,
    ICurrentActor actor, TimeProvider clock) : IUseCase
{
    public const string LicenceOwnerType = "Organization";
    public static readonly FileKind[] LicenceKinds = [FileKind.Pdf, FileKind.Jpeg, FileKind.Png];

    /// <summary>Registers and signs in the new organization admin; the errors to show with the form otherwise.</summary>
    public async Task<Outcome<Guid>> RegisterAsync(RegisterForm form, bool formValid, CancellationToken ct)
    {
        var (errors, licence) = await ValidateAsync(form, null, ct);
        if (!formValid || errors.Count > 0)
        {
            return Outcome<Guid>.Failed(errors);
        }

        if (await users.FindByNameAsync(form.UserName) is not null)
        {
            return Outcome<Guid>.Failed([new FieldError(nameof(form.UserName), "该用户名已被使用，请换一个")]);
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
            // The transaction is rolled back on dispose: nothing half-registered stays.
            return Outcome<Guid>.Failed(created.Errors
                .GroupBy(e => e.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(form.Password) : nameof(form.UserName))
                .Select(field => new FieldError(field.Key, string.Join("；", field.Select(e => e.Description).Distinct()))).ToList());
        }

        ReferenceCheck(await users.AddToRoleAsync(user, form.Kind.Value.DefaultRole()));
        if (licence is not null)
        {
            var attachment = await uploader.AddAsync(LicenceOwnerType, organization.Id, organization.Id, organization.RegionCode, form.Licence!.FileName, licence, ct);
            organization.AttachLicence(attachment.Id);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        await signIn.SignInAsync(user, isPersistent: false);
        return Outcome<Guid>.Ok(user.Id);
    }

    /// <summary>The registration as it stands, for its organization admin to correct; not found for anyone else or once decided.</summary>
    public async Task<RecordResult<OrganizationDetailsForm>> FormAsync(CancellationToken ct)
    {
        var organization = await OwnCorrectableOrganizationAsync(ct);
        if (organization is null)
        {
            return RecordResult<OrganizationDetailsForm>.NotFound;
        }

        return RecordResult<OrganizationDetailsForm>.Done(new OrganizationDetailsForm
        {
            Kind = organization.Kind,
            OrganizationName = organization.Name,
            CreditCode = organization.CreditCode,
            ConfirmChecksum = organization.HasChecksumWarning,
            RegionCode = organization.RegionCode,
            Address = organization.Address,
            ContactName = organization.ContactName ?? string.Empty,
            ContactPhone = organization.ContactPhone ?? string.Empty,
        });
    }

    /// <summary>Saves the correction (and resubmits a rejected registration). The kind is not changed by a correction.</summary>
    public async Task<RecordResult<Guid>> CorrectAsync(OrganizationDetailsForm form, bool formValid, CancellationToken ct)
    {
        var organization = await OwnCorrectableOrganizationAsync(ct);
        if (organization is null)
        {
            return RecordResult<Guid>.NotFound;
        }

        form.Kind = organization.Kind;
        var (errors, licence) = await ValidateAsync(form, organization.Id, ct);
        if (!formValid || errors.Count > 0)
        {
            return RecordResult<Guid>.Invalid(errors);
        }

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
        return RecordResult<Guid>.Done(organization.Id);
    }

    /// <summary>Checks the organization part; the errors, and the checked licence upload (if any).</summary>
    private async Task<(List<FieldError> Errors, UploadCheck? Licence)> ValidateAsync(OrganizationDetailsForm form, Guid? ownId, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        // Model binding turns an empty field into null, whatever the property's initial value.
        form.RegionCode ??= string.Empty;
        if (form.Kind is { } kind && !OrganizationKinds.SelfRegistering.Contains(kind))
        {
            errors.Add(new FieldError(nameof(form.Kind), "该类型单位由市科技局统一开通，不能自行注册"));
        }

        if (form.RegionCode.Length > 0 && !AnqingRegions.All.Any(r => r.Code == form.RegionCode))
        {
            errors.Add(new FieldError(nameof(form.RegionCode), "请选择列表中的县（市、区）或园区"));
        }

        var code = CreditCode.Normalize(form.CreditCode);
        form.CreditCode = code;
        switch (CreditCode.Check(code))
        {
            case CreditCodeVerdict.InvalidFormat when code.Length > 0:
                errors.Add(new FieldError(nameof(form.CreditCode), CreditCode.Message(CreditCodeVerdict.InvalidFormat)));
                break;
            case CreditCodeVerdict.ChecksumMismatch when !form.ConfirmChecksum:
                errors.Add(new FieldError(nameof(form.CreditCode), CreditCode.Message(CreditCodeVerdict.ChecksumMismatch) + "。确认无误请勾选下方确认框后再提交。"));
                break;
        }

        // Tenancy bypass: a code may be registered once in the whole city, whoever registered it.
        if (code.Length == 18 && await db.Organizations.IgnoreQueryFilters([PortalDbContext.TenantFilter])
                .AnyAsync(o => o.CreditCode == code && o.Id != ownId, ct))
        {
            errors.Add(new FieldError(nameof(form.CreditCode), "该统一社会信用代码已注册。如需开通账号，请联系本单位管理员。"));
        }

        UploadCheck? licence = null;
        if (form.Licence is { } file)
        {
            licence = await uploader.CheckAsync(file, LicenceKinds, ct);
            if (licence.Error is not null)
            {
                errors.Add(new FieldError(nameof(form.Licence), licence.Error));
            }
        }

        return (errors, licence);
    }

    private async Task<Organization?> OwnCorrectableOrganizationAsync(CancellationToken ct)
    {
        if (!actor.IsOrganizationAdmin)
        {
            return null;
        }

        var organizationId = actor.OrganizationId;
        return await db.Organizations.SingleOrDefaultAsync(
            o => o.Id == organizationId && (o.Status == OrganizationStatus.Pending || o.Status == OrganizationStatus.Rejected), ct);
    }

    private static void ReferenceCheck(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
