using System.ComponentModel.DataAnnotations;

namespace AnqingTechTransfer.Web.Features.Account;

/// <summary>A one-time code from the authenticator: at sign-in (SignIn) and when binding the authenticator (TwoFactor).</summary>
public class TwoFactorForm
{
    [Display(Name = "动态验证码")]
    [Required(ErrorMessage = "请输入身份验证器上的6位动态验证码")]
    [RegularExpression(@"^\s*\d{3}\s?\d{3}\s*$", ErrorMessage = "动态验证码为6位数字")]
    public string Code { get; set; } = string.Empty;

    public string? ReturnUrl { get; set; }

    /// <summary>The proof of the password typed a moment ago (Reauthentication), on the enrolment form only.</summary>
    public string? Proof { get; set; }
}
