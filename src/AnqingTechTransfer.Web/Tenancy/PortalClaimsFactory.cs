using System.Globalization;
using System.Security.Claims;
using AnqingTechTransfer.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AnqingTechTransfer.Web.Tenancy;

/// <summary>Puts the user's organization, region and account state into the sign-in cookie (ICurrentActor reads them).</summary>
public class PortalClaimsFactory(UserManager<PortalUser> users, RoleManager<PortalRole> roles, IOptions<IdentityOptions> options,
    PortalDbContext db, TimeProvider clock, IHttpContextAccessor http) : UserClaimsPrincipalFactory<PortalUser, PortalRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        // Tenancy bypass: at sign-in there is no actor yet, and this reads only the user's own organization.
        var organization = await db.Organizations.IgnoreQueryFilters([PortalDbContext.TenantFilter]).AsNoTracking()
            .Where(o => o.Id == user.OrganizationId)
            .Select(o => new { o.Id, o.Kind, o.Status, o.RegionCode })
            .SingleAsync();
        var points = await db.RegistrationPointRegistrars.AsNoTracking().Where(r => r.UserId == user.Id).Select(r => r.PointId).ToListAsync();
        identity.AddClaims(
        [
            new Claim(PortalClaims.RegistrationPoints, string.Join(',', points)),
            new Claim(PortalClaims.OrganizationId, organization.Id.ToString()),
            new Claim(PortalClaims.OrganizationKind, organization.Kind.ToString()),
            new Claim(PortalClaims.OrganizationStatus, organization.Status.ToString()),
            new Claim(PortalClaims.RegionCode, organization.RegionCode),
            new Claim(PortalClaims.OrganizationAdmin, user.IsOrganizationAdmin ? "true" : "false"),
            new Claim(PortalClaims.DisplayName, user.DisplayName),
            new Claim(PortalClaims.PasswordChangedAt, (user.PasswordChangedAt ?? DateTimeOffset.UnixEpoch).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
            new Claim(PortalClaims.MustChangePassword, user.MustChangePassword ? "true" : "false"),
            new Claim(PortalClaims.SignedInAt, SignedInAt(user)),
        ]);
        return identity;
    }

    /// <summary>
    /// A session re-issued for the same user (after a password or two-factor change) keeps the time of the original
    /// sign-in, so the absolute session limit cannot be pushed out by re-issuing.
    /// </summary>
    private string SignedInAt(PortalUser user)
    {
        var current = http.HttpContext?.User;
        if (current?.FindFirstValue(ClaimTypes.NameIdentifier) == user.Id.ToString() && current.FindFirstValue(PortalClaims.SignedInAt) is { } original)
        {
            return original;
        }

        return clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
    }
}
