using AnqingTechTransfer.Domain.Identity;
using AnqingTechTransfer.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace AnqingTechTransfer.Web.Infrastructure.Security;

/// <summary>
/// TOTP like Identity's AuthenticatorTokenProvider, but a code is accepted once only: the accepted time step is
/// stored on the user and any code of that step or an earlier one is refused (ASVS 5.0 V6.5.1; dotnet/aspnetcore#14423).
/// </summary>
public class SingleUseAuthenticatorTokenProvider(TimeProvider clock) : IUserTwoFactorTokenProvider<PortalUser>
{
    public const string ProviderName = "SingleUseAuthenticator";

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<PortalUser> manager, PortalUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    public Task<string> GenerateAsync(string purpose, UserManager<PortalUser> manager, PortalUser user) =>
        Task.FromResult(string.Empty); // the code comes from the user's authenticator app, never from the server

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<PortalUser> manager, PortalUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key))
        {
            return false;
        }

        var step = Totp.MatchingStep(Totp.FromBase32(key), token, clock.GetUtcNow());
        if (step is null || step <= user.LastTotpTimeStep)
        {
            return false;
        }

        user.LastTotpTimeStep = step.Value;
        // The concurrency stamp makes a second, simultaneous use of the same code fail here.
        return (await manager.UpdateAsync(user)).Succeeded;
    }
}
