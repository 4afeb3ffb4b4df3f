using System.Security.Claims;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.AspNetCore.Identity;

namespace AnqingTechTransfer.Web.Features.Account.Security;

/// <summary>账户安全: when the password last changed, whether two-factor is on, and whether this user must keep it on.</summary>
public sealed record SecurityPage(bool TwoFactorEnabled, DateTimeOffset? PasswordChangedAt, bool TwoFactorRequired);

public sealed class SecurityPageHandler(UserManager<PortalUser> users, AccountPermissions permissions) : IUseCase
{
    /// <summary>Null when the session has no user any more.</summary>
    public async Task<SecurityPage?> HandleAsync(ClaimsPrincipal principal) =>
        await users.GetUserAsync(principal) is { } user ? new SecurityPage(user.TwoFactorEnabled, user.PasswordChangedAt, permissions.MustUseTwoFactor) : null;
}
