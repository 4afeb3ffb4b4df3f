using System.ComponentModel.DataAnnotations;

namespace AnqingTechTransfer.Web.Features.Account.Registration;

public class RegisterForm : OrganizationDetailsForm
{
    [Display(Name = "管理员用户名")]
    [Required(ErrorMessage = "请填写管理员用户名")]
    [RegularExpression(@"^[A-Za-z0-9][A-Za-z0-9._\-@]{2,49}$", ErrorMessage = "用户名为3至50位字母、数字或 . _ - @，以字母或数字开头")]
    public string UserName { get; set; } = string.Empty;

    [Display(Name = "管理员姓名")]
    [Required(ErrorMessage = "请填写管理员姓名")]
    [StringLength(50, ErrorMessage = "管理员姓名不能超过50个字")]
    public string DisplayName { get; set; } = string.Empty;

    [Display(Name = "密码")]
    [Required(ErrorMessage = "请设置密码")]
    [StringLength(128, ErrorMessage = "密码不能超过128个字符")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = string.Empty;

    [Display(Name = "确认密码")]
    [Required(ErrorMessage = "请填写确认密码")]
    [Compare(nameof(Password), ErrorMessage = "两次输入的密码不一致")]
    [DataType(DataType.Password)]
    public string ConfirmPassword { get; set; } = string.Empty;

    [Display(Name = "我已阅读并同意《个人信息处理告知书》")]
    [MustBeTrue(ErrorMessage = "请勾选“我已阅读并同意《个人信息处理告知书》”")]
    public bool AcceptPrivacyNotice { get; set; }
}
