using AnqingTechTransfer.Domain.Identity;
using AnqingTechTransfer.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace AnqingTechTransfer.Web.Infrastructure.Security;

public class PortalPasswordValidator : IPasswordValidator<PortalUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user, string? password)
    {
        var problems = PasswordRules.Check(password, user.UserName);
        return Task.FromResult(problems.Count == 0
            ? IdentityResult.Success
            : IdentityResult.Failed(problems.Select(p => new IdentityError { Code = "PasswordPolicy", Description = p }).ToArray()));
    }
}
