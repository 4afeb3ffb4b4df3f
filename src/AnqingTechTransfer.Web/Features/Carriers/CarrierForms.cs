using System.ComponentModel.DataAnnotations;
using AnqingTechTransfer.Domain.Carriers;

namespace AnqingTechTransfer.Web.Features.Carriers;

public class CarrierForm
{
    [Display(Name = "载体名称")][Required(ErrorMessage = "请填写载体名称")][StringLength(200, ErrorMessage = "不能超过200个字")] public string? Name { get; set; }
    [Display(Name = "类型")] public CarrierType Type { get; set; } = CarrierType.PilotBaseGeneral;
    [Display(Name = "级别")] public CarrierLevel Level { get; set; } = CarrierLevel.Municipal;
    [Display(Name = "依托单位")][Required(ErrorMessage = "请填写依托单位")][StringLength(200, ErrorMessage = "不能超过200个字")] public string? HostName { get; set; }
    [Display(Name = "依托单位统一社会信用代码")][StringLength(18, ErrorMessage = "统一社会信用代码为18位")] public string? HostCreditCode { get; set; }
    [Display(Name = "共建高校院所")][StringLength(200, ErrorMessage = "不能超过200个字")] public string? CoBuilder { get; set; }
    [Display(Name = "所在县（市、区）、园区")] public string? RegionCode { get; set; }
    [Display(Name = "认定年度")] public int? RecognitionYear { get; set; }
    [Display(Name = "批次")][StringLength(50, ErrorMessage = "不能超过50个字")] public string? Batch { get; set; }
    [Display(Name = "状态")] public CarrierStatus Status { get; set; } = CarrierStatus.Cultivating;
}

public sealed record CarrierRow(Guid Id, string Name, CarrierType Type, CarrierLevel Level, string HostName, string RegionCode, int? RecognitionYear, CarrierStatus Status);

public sealed record CarrierQuery(string? Q, CarrierType? Type, CarrierLevel? Level, string? Region, CarrierStatus? Status);
