using System.Security.Claims;
using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;

namespace AnqingTechTransfer.Web.Authorization;

/// <summary>Coarse role gates. What a user may do to a particular record is decided by the resource handlers.</summary>
public static class Policies
{
    public const string BureauStaff = nameof(BureauStaff);
    public const string BureauAdmin = nameof(BureauAdmin);
    public const string AuditReader = nameof(AuditReader);
    public const string SecurityAdmin = nameof(SecurityAdmin);
    public const string OrganizationReviewer = nameof(OrganizationReviewer);
    public const string UserManager = nameof(UserManager);

    public static void Register(AuthorizationOptions options)
    {
        // Deny by default: an endpoint without [AllowAnonymous] needs a signed-in user (ASVS V4.1.3).
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        options.AddPolicy(BureauStaff, p => p.RequireRole(PortalRoles.Bureau, PortalRoles.BureauAdmin));
        options.AddPolicy(BureauAdmin, p => p.RequireRole(PortalRoles.BureauAdmin));
        // 三权分立: the system administrator manages users and settings but does not read the audit log; the auditor reads it
        // and nothing else; the security administrator keeps the security settings.
        options.AddPolicy(AuditReader, p => p.RequireRole(PortalRoles.Auditor));
        options.AddPolicy(SecurityAdmin, p => p.RequireRole(PortalRoles.SecurityAdmin));
        options.AddPolicy(OrganizationReviewer, p => p.RequireRole(PortalRoles.Bureau, PortalRoles.BureauAdmin, PortalRoles.County, PortalRoles.Park));
        // The system administrator, or an organization admin (of its own organization: UserScope and UserPermissions).
        options.AddPolicy(UserManager, p => p.RequireAssertion(c =>
            c.User.HasClaim(ClaimTypes.Role, PortalRoles.BureauAdmin) || c.User.HasClaim(PortalClaims.OrganizationAdmin, "true")));
    }
}
