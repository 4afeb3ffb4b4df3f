using System.ComponentModel.DataAnnotations;
using AnqingTechTransfer.Domain.Finance;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Finance.Loans;

public class ProductForm
{
    [Display(Name = "产品名称")][Required(ErrorMessage = "请填写产品名称")][StringLength(100, ErrorMessage = "不能超过100个字")] public string? Name { get; set; }
    [Display(Name = "产品类型")] public LoanKind Kind { get; set; } = LoanKind.Research;
    [Display(Name = "年利率下限（%）")][Required(ErrorMessage = "请填写年利率下限")] public decimal? RateMin { get; set; }
    [Display(Name = "年利率上限（%）")][Required(ErrorMessage = "请填写年利率上限")] public decimal? RateMax { get; set; }
    [Display(Name = "额度下限（万元）")][Required(ErrorMessage = "请填写额度下限")] public decimal? AmountMin { get; set; }
    [Display(Name = "额度上限（万元）")][Required(ErrorMessage = "请填写额度上限")] public decimal? AmountMax { get; set; }
    [Display(Name = "期限（月）")][Required(ErrorMessage = "请填写期限")] public int? TermMonths { get; set; }
    [Display(Name = "申请条件")] public List<Qualifications> Requires { get; set; } = [];
    [Display(Name = "产品介绍")][StringLength(2000, ErrorMessage = "不能超过2000个字")] public string? Description { get; set; }
}

/// <summary>A bank publishes a technology loan product in its own name. The answer is the new product's id.</summary>
public class PublishProductHandler(PortalDbContext db, ICurrentActor actor, TimeProvider clock) : IUseCase
{
    /// <summary>Nothing is written when the binder refused the form (<paramref name="formValid"/> false).</summary>
    public async Task<Outcome<Guid>> HandleAsync(ProductForm form, bool formValid, CancellationToken ct) => !formValid ? Outcome<Guid>.Failed([]) : await FieldErrors.TryAsync(async () =>
    {
        var bank = await db.Organizations.AsNoTracking().Where(o => o.Id == actor.OrganizationId).Select(o => o.Name).SingleAsync(ct);
        var product = LoanProduct.Create(actor.OrganizationId, bank, form.Name!, form.Kind, form.RateMin!.Value, form.RateMax!.Value, form.AmountMin!.Value,
            form.AmountMax!.Value, form.TermMonths!.Value, form.Requires.Aggregate(Qualifications.None, (a, q) => a | q), form.Description ?? string.Empty,
            clock.GetUtcNow());
        db.LoanProducts.Add(product);
        await db.SaveChangesAsync(ct);
        return product.Id;
    });
}
