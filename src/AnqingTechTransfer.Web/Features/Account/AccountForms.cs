using System.ComponentModel.DataAnnotations;
using AnqingTechTransfer.Domain.Organizations;

namespace AnqingTechTransfer.Web.Features.Account;

public class LoginForm
{
    [Display(Name = "用户名")]
    [Required(ErrorMessage = "请输入用户名")]
    [StringLength(256, ErrorMessage = "用户名过长")]
    public string UserName { get; set; } = string.Empty;

    [Display(Name = "密码")]
    [Required(ErrorMessage = "请输入密码")]
    [StringLength(128, ErrorMessage = "密码过长")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = string.Empty;

    public string? ReturnUrl { get; set; }
}

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

/// <summary>The current password, asked again before the authenticator key is shown or two-factor is switched off.</summary>
public class ReauthenticateForm
{
    [Display(Name = "当前密码")]
    [Required(ErrorMessage = "请输入当前密码")]
    [StringLength(200)]
    public string Password { get; set; } = string.Empty;
}

public sealed record TwoFactorPasswordPage(bool Enabled, bool Required, ReauthenticateForm Form);

public sealed record TwoFactorEnrolPage(string Key, string Uri, bool Required, TwoFactorForm Form);

public class ChangePasswordForm
{
    [Display(Name = "原密码")]
    [Required(ErrorMessage = "请输入原密码")]
    [StringLength(128)]
    [DataType(DataType.Password)]
    public string CurrentPassword { get; set; } = string.Empty;

    [Display(Name = "新密码")]
    [Required(ErrorMessage = "请输入新密码")]
    [StringLength(128, ErrorMessage = "密码不能超过128个字符")]
    [DataType(DataType.Password)]
    public string NewPassword { get; set; } = string.Empty;

    [Display(Name = "确认新密码")]
    [Required(ErrorMessage = "请再次输入新密码")]
    [Compare(nameof(NewPassword), ErrorMessage = "两次输入的新密码不一致")]
    [DataType(DataType.Password)]
    public string ConfirmPassword { get; set; } = string.Empty;
}

/// <summary>The organization part, shared by registration and by a rejected applicant's correction.</summary>
public class OrganizationDetailsForm
{
    [Display(Name = "单位类型")]
    [Required(ErrorMessage = "请选择单位类型")]
    public OrganizationKind? Kind { get; set; }

    [Display(Name = "单位名称")]
    [Required(ErrorMessage = "请填写单位名称")]
    [StringLength(200, ErrorMessage = "单位名称不能超过200个字")]
    public string OrganizationName { get; set; } = string.Empty;

    [Display(Name = "统一社会信用代码")]
    [Required(ErrorMessage = "请填写统一社会信用代码")]
    [StringLength(30, ErrorMessage = "统一社会信用代码应为18位")]
    public string CreditCode { get; set; } = string.Empty;

    /// <summary>The applicant confirms a code whose check character does not match (early pilot codes).</summary>
    [Display(Name = "我确认代码与营业执照一致")]
    public bool ConfirmChecksum { get; set; }

    [Display(Name = "所在县（市、区）或园区")]
    [Required(ErrorMessage = "请选择所在县（市、区）或园区")]
    [StringLength(12)]
    public string RegionCode { get; set; } = string.Empty;

    [Display(Name = "单位地址")]
    [StringLength(300, ErrorMessage = "地址不能超过300个字")]
    public string? Address { get; set; }

    [Display(Name = "联系人")]
    [Required(ErrorMessage = "请填写联系人")]
    [StringLength(50, ErrorMessage = "联系人不能超过50个字")]
    public string ContactName { get; set; } = string.Empty;

    [Display(Name = "联系电话")]
    [Required(ErrorMessage = "请填写联系电话")]
    [RegularExpression(@"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$", ErrorMessage = "请填写11位手机号或带区号的固定电话，如 0556-5500000")]
    public string ContactPhone { get; set; } = string.Empty;

    [Display(Name = "营业执照或法人证书扫描件")]
    public IFormFile? Licence { get; set; }
}

public class RegisterForm : OrganizationDetailsForm
{
    [Display(Name = "管理员用户名")]
    [Required(ErrorMessage = "请填写用户名")]
    [RegularExpression(@"^[A-Za-z0-9][A-Za-z0-9._\-@]{2,49}$", ErrorMessage = "用户名为3至50位字母、数字或 . _ - @，以字母或数字开头")]
    public string UserName { get; set; } = string.Empty;

    [Display(Name = "管理员姓名")]
    [Required(ErrorMessage = "请填写姓名")]
    [StringLength(50, ErrorMessage = "姓名不能超过50个字")]
    public string DisplayName { get; set; } = string.Empty;

    [Display(Name = "密码")]
    [Required(ErrorMessage = "请设置密码")]
    [StringLength(128, ErrorMessage = "密码不能超过128个字符")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = string.Empty;

    [Display(Name = "确认密码")]
    [Required(ErrorMessage = "请再次输入密码")]
    [Compare(nameof(Password), ErrorMessage = "两次输入的密码不一致")]
    [DataType(DataType.Password)]
    public string ConfirmPassword { get; set; } = string.Empty;

    [Display(Name = "我已阅读并同意《个人信息处理告知书》")]
    [MustBeTrue(ErrorMessage = "请阅读并同意个人信息处理告知书")]
    public bool AcceptPrivacyNotice { get; set; }
}

/// <summary>
/// A box that must be ticked. (RangeAttribute over bool converts the posted text itself and throws on anything that is not
/// "true"/"false"; the form fuzz test found it.)
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MustBeTrueAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) => value is true;
}
