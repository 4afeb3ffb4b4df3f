using AnqingTechTransfer.Domain.Experts;
using AnqingTechTransfer.Web.Features.Shared;

namespace AnqingTechTransfer.Web.Features.Experts.Pool;

/// <summary>The checks the application and the edit share beyond the binder's.</summary>
public static class ExpertFormChecks
{
    public static IEnumerable<FieldError> BankAccount(ExpertForm form)
    {
        if (form.BankAccount is { Length: > 0 } account && !PersonalIds.IsValidBankAccount(account))
        {
            yield return new FieldError(nameof(form.BankAccount), "银行账号应为12至30位数字");
        }
    }
}
