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
    public const string OrganizationReviewer = nameof(OrganizationReviewer);
    public const string UserManager = nameof(UserManager);

    public static void Register(AuthorizationOptions options)
    {
        // Deny by default: an endpoint without [AllowAnonymous] needs a signed-in user (ASVS V4.1.3).
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        options.AddPolicy(BureauStaff, p => p.RequireRole(PortalRoles.Bureau, PortalRoles.BureauAdmin));
        options.AddPolicy(BureauAdmin, p => p.RequireRole(PortalRoles.BureauAdmin));
        options.AddPolicy(AuditReader, p => p.RequireRole(PortalRoles.BureauAdmin, PortalRoles.Auditor));
        options.AddPolicy(OrganizationReviewer, p => p.RequireRole(PortalRoles.Bureau, PortalRoles.BureauAdmin, PortalRoles.County, PortalRoles.Park));
        options.AddPolicy(UserManager, p => p.RequireAssertion(c =>
            c.User.IsInRole(PortalRoles.BureauAdmin) || c.User.HasClaim(PortalClaims.OrganizationAdmin, "true")));
    }
}
