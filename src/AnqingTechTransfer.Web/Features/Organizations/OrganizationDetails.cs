using AnqingTechTransfer.Domain.Audit;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Organizations;

/// <summary>An organization as its reviewers read it.</summary>
public sealed record OrganizationCard(Guid Id, string Name, OrganizationStatus Status, OrganizationKind Kind, string CreditCode, bool HasChecksumWarning,
    bool CreditCodeChecksumOverridden, string RegionCode, string? Address, string? ContactName, string? ContactPhone, Guid? LicenceAttachmentId,
    DateTimeOffset CreatedAt, DateTimeOffset? ReviewedAt, string? StatusReason, uint Version)
{
    public static OrganizationCard Of(Organization o) => new(o.Id, o.Name, o.Status, o.Kind, o.CreditCode, o.HasChecksumWarning,
        o.CreditCodeChecksumOverridden, o.RegionCode, o.Address, o.ContactName, o.ContactPhone, o.LicenceAttachmentId, o.CreatedAt, o.ReviewedAt,
        o.StatusReason, o.Version);
}

public sealed record OrganizationUserRow(string UserName, string DisplayName, bool IsOrganizationAdmin, bool IsDisabled);

/// <summary>The details page: the organization, its users, what the reader may do, the licence's file name and the phone once revealed.</summary>
public sealed record OrganizationDetailsPage(OrganizationCard Organization, IReadOnlyList<OrganizationUserRow> Users,
    bool CanReview, bool CanSuspend, string? LicenceName, string? RevealedPhone = null);

/// <summary>
/// One organization, for whoever may read it (anyone else is answered as if it did not exist); and the contact's full
/// phone for the reviewers who must call them, every unmasking an audit row.
/// </summary>
public sealed class OrganizationDetailsHandler(PortalDbContext db, OrganizationPermissions permissions) : IUseCase
{
    public async Task<RecordResult<OrganizationDetailsPage>> HandleAsync(Guid id, CancellationToken ct)
    {
        var organization = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct);
        if (organization is null || !permissions.Allows(OrganizationPermissions.Read, organization))
        {
            return RecordResult<OrganizationDetailsPage>.NotFound;
        }

        return RecordResult<OrganizationDetailsPage>.Done(await PageAsync(organization, null, ct));
    }

    public async Task<RecordResult<OrganizationDetailsPage>> RevealAsync(Guid id, CancellationToken ct)
    {
        var organization = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct);
        if (organization is null || !permissions.Allows(OrganizationPermissions.Read, organization))
        {
            return RecordResult<OrganizationDetailsPage>.NotFound;
        }

        if (!permissions.Allows(OrganizationPermissions.Review, organization))
        {
            return RecordResult<OrganizationDetailsPage>.Forbidden;
        }

        db.Audit(PersonalInfo.RevealAction, AuditOutcome.Success, nameof(Organization), organization.Id.ToString(), $"单位 {organization.Name} 联系人的电话");
        await db.SaveChangesAsync(ct);
        return RecordResult<OrganizationDetailsPage>.Done(await PageAsync(organization, organization.ContactPhone ?? string.Empty, ct));
    }

    private async Task<OrganizationDetailsPage> PageAsync(Organization organization, string? revealedPhone, CancellationToken ct)
    {
        var id = organization.Id;
        var members = await db.Users.AsNoTracking().Where(u => u.OrganizationId == id).OrderBy(u => u.UserName)
            .Select(u => new OrganizationUserRow(u.UserName!, u.DisplayName, u.IsOrganizationAdmin, u.IsDisabled)).ToListAsync(ct);
        var licence = organization.LicenceAttachmentId is { } licenceId
            ? await db.Attachments.AsNoTracking().Where(a => a.Id == licenceId).Select(a => a.FileName).SingleOrDefaultAsync(ct)
            : null;
        return new OrganizationDetailsPage(OrganizationCard.Of(organization), members,
            permissions.Allows(OrganizationPermissions.Review, organization), permissions.Allows(OrganizationPermissions.Suspend, organization), licence,
            revealedPhone);
    }
}
