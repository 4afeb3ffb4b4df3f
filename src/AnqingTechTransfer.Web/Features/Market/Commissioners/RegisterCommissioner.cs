using System.ComponentModel.DataAnnotations;
using AnqingTechTransfer.Domain.Matching;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;

namespace AnqingTechTransfer.Web.Features.Market.Commissioners;

public class CommissionerForm
{
    [Display(Name = "类别")] public CommissionerKind Kind { get; set; } = CommissionerKind.DualChain;
    [Display(Name = "姓名")][Required(ErrorMessage = "请填写姓名")][StringLength(50, ErrorMessage = "不能超过50个字")] public string? Name { get; set; }
    [Display(Name = "所在单位")][Required(ErrorMessage = "请填写所在单位")][StringLength(200, ErrorMessage = "不能超过200个字")] public string? Employer { get; set; }
    [Display(Name = "服务的县区、园区或研发平台")][Required(ErrorMessage = "请填写服务的县区、园区或研发平台")][StringLength(500, ErrorMessage = "不能超过500个字")] public string? Serves { get; set; }
    [Display(Name = "年度")][Required(ErrorMessage = "请填写年度")] public int? Year { get; set; }

    /// <summary>The kinds the user registers (filled by the handler, never posted).</summary>
    [BindNever]
    [ValidateNever]
    public IReadOnlyList<CommissionerKind> Kinds { get; set; } = Enum.GetValues<CommissionerKind>();
}

/// <summary>
/// A commissioner registered for a year under the user's organization. The kind decides before anything else: the lead
/// department registers 工业互联网服务专员 only.
/// </summary>
public sealed class RegisterCommissionerHandler(PortalDbContext db, ICurrentActor actor, CommissionerPermissions permissions, TimeProvider clock) : IUseCase
{
    /// <summary>The empty form (null when the user registers no kind).</summary>
    public async Task<CommissionerForm?> NewAsync(CancellationToken ct)
    {
        if (!(await permissions.LoadAsync(ct)).MayRegister)
        {
            return null;
        }

        var form = new CommissionerForm { Year = Display.Today(clock).Year, Kinds = permissions.RegistrableKinds };
        form.Kind = permissions.MayRegisterKind(form.Kind) ? form.Kind : permissions.RegistrableKinds[0];
        return form;
    }

    public async Task<RecordResult<Guid>> HandleAsync(CommissionerForm form, bool formValid, CancellationToken ct)
    {
        if (!(await permissions.LoadAsync(ct)).MayRegister || !permissions.MayRegisterKind(form.Kind))
        {
            return RecordResult<Guid>.Forbidden;
        }

        form.Kinds = permissions.RegistrableKinds;
        if (!formValid)
        {
            return RecordResult<Guid>.Invalid([]);
        }

        var registered = await FieldErrors.TryAsync(async () =>
        {
            var commissioner = Commissioner.Register(actor.OrganizationId, actor.RegionCode, form.Kind, form.Name!, form.Employer!, form.Serves!, form.Year!.Value,
                clock.GetUtcNow());
            db.Commissioners.Add(commissioner);
            await db.SaveChangesAsync(ct);
            return commissioner.Id;
        });
        return registered.Succeeded ? RecordResult<Guid>.Done(registered.Value) : RecordResult<Guid>.Invalid(registered.Errors);
    }
}
