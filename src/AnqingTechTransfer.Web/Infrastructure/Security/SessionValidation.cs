using System.Globalization;
using System.Security.Claims;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AnqingTechTransfer.Web.Infrastructure.Security;

/// <summary>Every authenticated request: the absolute session limit, then Identity's security-stamp check.</summary>
public static class SessionValidation
{
    public const string MfaClaimType = "amr";
    public const string MfaClaimValue = "mfa";

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var options = services.GetRequiredService<IOptions<SecurityOptions>>().Value;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var signedIn = context.Principal?.FindFirstValue(PortalClaims.SignedInAt);
        if (!long.TryParse(signedIn, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            || now - DateTimeOffset.FromUnixTimeSeconds(seconds) > TimeSpan.FromHours(options.AbsoluteSessionHours))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        if (!await StillValidAsync(context, services))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }

    /// <summary>
    /// Revocation on every instance at the next request (issue 20): one primary-key read of the account's stamp and state.
    /// Disabling, a role or point taken away, a suspended organization and signing out all change the stamp. The account is
    /// read whole and tracked (issue 26): Identity's own stamp check and every page that asks the user manager for the
    /// signed-in user (<c>GetUserAsync</c>, <c>FindByIdAsync</c>) then find it in the request's context, without a statement.
    /// </summary>
    private static async Task<bool> StillValidAsync(CookieValidatePrincipalContext context, IServiceProvider services)
    {
        var principal = context.Principal;
        var stampType = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        if (!Guid.TryParse(principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return false;
        }

        var stamp = principal!.FindFirstValue(stampType);
        var db = services.GetRequiredService<PortalDbContext>();
        var current = await db.Users.FindAsync([userId], context.HttpContext.RequestAborted);
        return current is { IsDisabled: false } && current.SecurityStamp == stamp;
    }

    /// <summary>A refreshed principal keeps when and how the user signed in (Identity would drop both).</summary>
    public static Task KeepSessionClaims(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.NewPrincipal?.Identity is not ClaimsIdentity identity || context.CurrentPrincipal is null)
        {
            return Task.CompletedTask;
        }

        foreach (var type in new[] { PortalClaims.SignedInAt, MfaClaimType })
        {
            foreach (var stale in identity.FindAll(type).ToList())
            {
                identity.RemoveClaim(stale);
            }

            identity.AddClaims(context.CurrentPrincipal.FindAll(type).Select(c => new Claim(c.Type, c.Value)));
        }

        return Task.CompletedTask;
    }

    public static bool HasMfa(this ClaimsPrincipal user) => user.HasClaim(MfaClaimType, MfaClaimValue);
}
