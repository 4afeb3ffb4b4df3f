using AnqingTechTransfer.Web.Authorization;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Attachments;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Account.Registration;

/// <summary>An organization's licence scan is seen by whoever may read the organization: itself, its county or park, the bureau.</summary>
public class OrganizationLicenceOwner(PortalDbContext db, IAuthorizationService authorization, IHttpContextAccessor http) : IAttachmentOwner
{
    public string OwnerType => RegistrationHandler.LicenceOwnerType;

    public async Task<bool> CanSeeAsync(Guid ownerId, CancellationToken ct)
    {
        var organization = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == ownerId, ct);
        return organization is not null
            && (await authorization.AuthorizeAsync(http.HttpContext!.User, organization, Operations.Read)).Succeeded;
    }
}
