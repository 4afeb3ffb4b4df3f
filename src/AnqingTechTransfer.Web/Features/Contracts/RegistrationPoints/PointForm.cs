using System.ComponentModel.DataAnnotations;
using AnqingTechTransfer.Domain.Contracts;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;

namespace AnqingTechTransfer.Web.Features.Contracts.RegistrationPoints;

/// <summary>A registration point's details as the bureau fills them in.</summary>
public class PointForm
{
    /// <summary>The point being edited (null: a new one); from the route, never posted.</summary>
    [BindNever]
    [ValidateNever]
    public Guid? Id { get; set; }

    public uint Version { get; set; }

    [Display(Name = "登记点名称")]
    [Required(ErrorMessage = "请填写登记点名称")]
    [StringLength(200, ErrorMessage = "名称不能超过200个字")]
    public string Name { get; set; } = string.Empty;

    [Display(Name = "登记点代码")]
    [Required(ErrorMessage = "请填写登记点代码")]
    [RegularExpression(@"^\d{2}$", ErrorMessage = "登记点代码应为2位数字")]
    public string Code { get; set; } = string.Empty;

    [Display(Name = "所在县（市、区）或园区")]
    [Required(ErrorMessage = "请选择所在县（市、区）或园区")]
    public string RegionCode { get; set; } = string.Empty;

    [Display(Name = "地址")][StringLength(300)] public string? Address { get; set; }
    [Display(Name = "联系人")][StringLength(50)] public string? ContactName { get; set; }
    [Display(Name = "联系电话")][StringLength(30)] public string? ContactPhone { get; set; }

    public static PointForm From(RegistrationPoint point) => new()
    {
        Id = point.Id, Version = point.Version, Name = point.Name, Code = point.Code, RegionCode = point.RegionCode,
        Address = point.Address, ContactName = point.ContactName, ContactPhone = point.ContactPhone,
    };
}
