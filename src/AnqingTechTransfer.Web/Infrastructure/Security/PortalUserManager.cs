using AnqingTechTransfer.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AnqingTechTransfer.Web.Infrastructure.Security;

/// <summary>Identity's user manager with the lockout of the security settings in force (SecurityPolicyProvider), not of startup.</summary>
public class PortalUserManager : UserManager<PortalUser>
{
    private readonly SecurityPolicyProvider _policy;

    public PortalUserManager(IUserStore<PortalUser> store, IOptions<IdentityOptions> optionsAccessor, IPasswordHasher<PortalUser> passwordHasher,
        IEnumerable<IUserValidator<PortalUser>> userValidators, IEnumerable<IPasswordValidator<PortalUser>> passwordValidators, ILookupNormalizer keyNormalizer,
        IdentityErrorDescriber errors, IServiceProvider services, ILogger<UserManager<PortalUser>> logger, SecurityPolicyProvider policy)
        : base(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
    {
        _policy = policy;
        // This instance's own lockout options: the shared ones are the application's, and other requests read them.
        var shared = Options;
        Options = new IdentityOptions
        {
            ClaimsIdentity = shared.ClaimsIdentity, Password = shared.Password, SignIn = shared.SignIn, Stores = shared.Stores, Tokens = shared.Tokens,
            User = shared.User,
            Lockout = new LockoutOptions
            {
                AllowedForNewUsers = shared.Lockout.AllowedForNewUsers,
                MaxFailedAccessAttempts = shared.Lockout.MaxFailedAccessAttempts,
                DefaultLockoutTimeSpan = shared.Lockout.DefaultLockoutTimeSpan,
            },
        };
    }

    public override async Task<IdentityResult> AccessFailedAsync(PortalUser user)
    {
        var policy = await _policy.CurrentAsync(CancellationToken);
        Options.Lockout.MaxFailedAccessAttempts = policy.MaxFailedSignIns;
        Options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(policy.LockoutMinutes);
        return await base.AccessFailedAsync(user);
    }
}
