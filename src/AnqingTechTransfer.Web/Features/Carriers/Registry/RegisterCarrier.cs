using System.ComponentModel.DataAnnotations;
using AnqingTechTransfer.Domain.Carriers;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Domain.Regions;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Carriers.Registry;

public class CarrierForm
{
    [Display(Name = "载体名称")][Required(ErrorMessage = "请填写载体名称")][StringLength(200, ErrorMessage = "不能超过200个字")] public string? Name { get; set; }
    [Display(Name = "类型")] public CarrierType Type { get; set; } = CarrierType.PilotBaseGeneral;
    [Display(Name = "级别")] public CarrierLevel Level { get; set; } = CarrierLevel.Municipal;
    [Display(Name = "依托单位")][Required(ErrorMessage = "请填写依托单位")][StringLength(200, ErrorMessage = "不能超过200个字")] public string? HostName { get; set; }
    [Display(Name = "依托单位统一社会信用代码")][StringLength(18, ErrorMessage = "统一社会信用代码为18位")] public string? HostCreditCode { get; set; }
    [Display(Name = "共建高校院所")][StringLength(200, ErrorMessage = "不能超过200个字")] public string? CoBuilder { get; set; }
    [Display(Name = "所在县（市、区）或园区")] public string? RegionCode { get; set; }
    [Display(Name = "认定年度")] public int? RecognitionYear { get; set; }
    [Display(Name = "批次")][StringLength(50, ErrorMessage = "不能超过50个字")] public string? Batch { get; set; }
    [Display(Name = "状态")] public CarrierStatus Status { get; set; } = CarrierStatus.Cultivating;
}

/// <summary>The registered carrier, and whether its host is on the portal (then it keeps its own profile).</summary>
public sealed record RegisteredCarrier(Guid Id, bool HostLinked);

/// <summary>
/// The bureau registers a carrier in any county or park, a county or park in its own only. The host is linked to its
/// portal organization by credit code, so it can keep its own profile.
/// </summary>
public class RegisterCarrierHandler(PortalDbContext db, ICurrentActor actor, CarrierPermissions permissions, TimeProvider clock) : IUseCase
{
    public CarrierForm New() => new() { RegionCode = permissions.KeepsOwnRegion ? actor.RegionCode : null };

    /// <summary><paramref name="formValid"/>: the binder's verdict; the region and the credit code are checked here either way.</summary>
    public async Task<Outcome<RegisteredCarrier>> HandleAsync(CarrierForm form, bool formValid, CancellationToken ct)
    {
        List<FieldError> errors = [];
        // A county or park registers in its own region only.
        var region = permissions.KeepsOwnRegion ? actor.RegionCode : form.RegionCode ?? string.Empty;
        if (permissions.Decides && AnqingRegions.All.All(r => r.Code != region))
        {
            errors.Add(new FieldError(nameof(form.RegionCode), "请选择所在县（市、区）或园区"));
        }

        var code = CreditCode.Normalize(form.HostCreditCode ?? string.Empty);
        if (code.Length > 0 && CreditCode.Check(code) == CreditCodeVerdict.InvalidFormat)
        {
            errors.Add(new FieldError(nameof(form.HostCreditCode), "统一社会信用代码格式不正确"));
        }

        if (!formValid || errors.Count > 0)
        {
            return Outcome<RegisteredCarrier>.Failed(errors);
        }

        var host = code.Length == 0 ? Guid.Empty
            : await db.Organizations.AsNoTracking().Where(o => o.CreditCode == code).Select(o => o.Id).SingleOrDefaultAsync(ct);
        return await FieldErrors.TryAsync(async () =>
        {
            var carrier = Carrier.Register(form.Name!, form.Type, form.Level, host, form.HostName!, code, form.CoBuilder ?? string.Empty, region, form.RecognitionYear,
                form.Batch ?? string.Empty, form.Status, clock.GetUtcNow());
            db.Carriers.Add(carrier);
            await db.SaveChangesAsync(ct);
            return new RegisteredCarrier(carrier.Id, host != Guid.Empty);
        });
    }
}
