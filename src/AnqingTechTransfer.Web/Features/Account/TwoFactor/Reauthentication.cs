using AnqingTechTransfer.Web.Data;
using Microsoft.AspNetCore.DataProtection;

namespace AnqingTechTransfer.Web.Features.Account.TwoFactor;

/// <summary>
/// A short-lived proof that the user just typed their current password, carried by the enrolment form between showing the
/// authenticator key and binding it. Bound to the user and to the security stamp, so it dies with a sign-out or a reset.
/// </summary>
public sealed class Reauthentication(IDataProtectionProvider provider)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private readonly ITimeLimitedDataProtector _protector = provider.CreateProtector("aq.reauthentication.v1").ToTimeLimitedDataProtector();

    public string Issue(PortalUser user) => _protector.Protect($"{user.Id:N}:{user.SecurityStamp}", Lifetime);

    public bool Holds(PortalUser user, string? proof)
    {
        if (string.IsNullOrEmpty(proof))
        {
            return false;
        }

        try
        {
            return _protector.Unprotect(proof) == $"{user.Id:N}:{user.SecurityStamp}";
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false; // expired, tampered with or from another key ring
        }
    }
}
