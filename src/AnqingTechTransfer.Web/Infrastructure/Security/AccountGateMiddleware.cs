using System.Globalization;
using System.Security.Claims;
using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Identity;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.Extensions.Options;

namespace AnqingTechTransfer.Web.Infrastructure.Security;

/// <summary>
/// Keeps a signed-in user on the one page they must visit first: an expired or one-time password must be changed,
/// a BureauAdmin must have two-factor sign-in, and an organization not yet approved sees only its workspace.
/// </summary>
public class AccountGateMiddleware(RequestDelegate next)
{
    public const string ChangePasswordPath = "/account/password";
    public const string TwoFactorPath = "/account/two-factor";
    public const string WorkspacePath = "/workspace";

    private static readonly string[] AlwaysOpen = ["/account/logout", "/error", "/health", "/lib/", "/css/", "/js/", "/favicon"];
    private static readonly string[] OpenToPending = ["/workspace", "/account/", "/messages", "/attachments/"];

    public async Task InvokeAsync(HttpContext context, IOptions<SecurityOptions> options, TimeProvider clock, ICurrentActor actor)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true)
        {
            var path = context.Request.Path.Value ?? "/";
            var target = Target(user, actor, options.Value, clock.GetUtcNow());
            if (target is not null && !AlwaysOpen.Any(p => path.StartsWith(p, StringComparison.OrdinalIgnoreCase)) && !IsOpen(path, target))
            {
                context.Response.Redirect(target);
                return;
            }
        }

        await next(context);
    }

    public static string? Target(ClaimsPrincipal user, ICurrentActor actor, SecurityOptions options, DateTimeOffset now)
    {
        var changedAt = long.TryParse(user.FindFirstValue(PortalClaims.PasswordChangedAt), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s)
            ? DateTimeOffset.FromUnixTimeSeconds(s)
            : (DateTimeOffset?)null;
        if (user.HasClaim(PortalClaims.MustChangePassword, "true") || PasswordRules.IsExpired(changedAt, now, options.PasswordMaxAgeDays))
        {
            return ChangePasswordPath;
        }

        if (PortalRoles.Administrators.Any(actor.IsInRole) && !user.HasMfa())
        {
            return TwoFactorPath;
        }

        return actor.IsOrganizationActive ? null : WorkspacePath;
    }

    private static bool IsOpen(string path, string target) => target switch
    {
        WorkspacePath => OpenToPending.Any(p => path.StartsWith(p, StringComparison.OrdinalIgnoreCase)),
        _ => path.StartsWith(target, StringComparison.OrdinalIgnoreCase),
    };
}
