using AnqingTechTransfer.Domain.Identity;
using AnqingTechTransfer.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace AnqingTechTransfer.Web.Infrastructure.Security;

public class PortalPasswordValidator(SecurityPolicyProvider policies) : IPasswordValidator<PortalUser>
{
    public async Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user, string? password)
    {
        var policy = await policies.CurrentAsync();
        var problems = PasswordRules.Check(password, user.UserName, policy.PasswordMinLength);
        return problems.Count == 0
            ? IdentityResult.Success
            : IdentityResult.Failed(problems.Select(p => new IdentityError { Code = "PasswordPolicy", Description = p }).ToArray());
    }
}
