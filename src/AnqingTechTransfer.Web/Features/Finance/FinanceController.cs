using System.ComponentModel.DataAnnotations;
using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Finance;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Infrastructure;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Finance;

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

public sealed record ProductView(LoanProduct Product, bool IsBank, bool IsEnterprise, string? Ineligibility);

/// <summary>
/// 科技金融: banks publish technology loan products; an eligible enterprise applies; the bank decides, disburses and records
/// repayments or a default. A bank sees its own products and the applications to them only.
/// </summary>
[Route("finance")]
public class FinanceController(PortalDbContext db, ICurrentActor actor, FinancePermissions permissions, EligibilityHandler eligibility,
    Infringers.InfringerCheckHandler infringers, TimeProvider clock) : Controller
{
    [AllowAnonymous]
    [HttpGet("")]
    public async Task<IActionResult> Index(LoanKind? kind, int page = 1, CancellationToken ct = default)
    {
        ViewData["Kind"] = kind;
        var query = db.LoanProducts.AsNoTracking().Where(p => p.IsPublished || p.BankOrganizationId == actor.OrganizationId);
        query = kind is { } k ? query.Where(p => p.Kind == k) : query;
        return View(await query.OrderBy(p => p.Kind).ThenBy(p => p.RateMin).ThenBy(p => p.Id).ToPagedListAsync(page, ct: ct));
    }

    [Authorize]
    [HttpGet("products/new")]
    public IActionResult New() => permissions.Lends ? View(new ProductForm()) : Forbid();

    [Authorize]
    [HttpPost("products/new")]
    public async Task<IActionResult> New(ProductForm form, CancellationToken ct)
    {
        if (!permissions.Lends)
        {
            return Forbid();
        }

        return await this.CreateAsync(db, form, async () =>
        {
            var bank = await db.Organizations.AsNoTracking().Where(o => o.Id == actor.OrganizationId).Select(o => o.Name).SingleAsync(ct);
            var product = LoanProduct.Create(actor.OrganizationId, bank, form.Name!, form.Kind, form.RateMin!.Value, form.RateMax!.Value, form.AmountMin!.Value,
                form.AmountMax!.Value, form.TermMonths!.Value, form.Requires.Aggregate(Qualifications.None, (a, q) => a | q), form.Description ?? string.Empty,
                clock.GetUtcNow());
            db.LoanProducts.Add(product);
            return $"/finance/products/{product.Id}";
        }, "产品已发布。", ct);
    }

    [AllowAnonymous]
    [HttpGet("products/{id:guid}")]
    public async Task<IActionResult> Product(Guid id, CancellationToken ct)
    {
        var product = await db.LoanProducts.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (product is null)
        {
            return NotFound();
        }

        // An enterprise is told before it applies whether its qualifications meet the product's conditions.
        string? why = null;
        if (permissions.Borrows)
        {
            var code = await db.Organizations.AsNoTracking().Where(o => o.Id == actor.OrganizationId).Select(o => o.CreditCode).SingleAsync(ct);
            why = product.Ineligibility(await eligibility.HeldAsync(actor.OrganizationId, code, Display.Today(clock), ct));
        }

        return View(new ProductView(product, permissions.Withdraws(product), permissions.Borrows, why));
    }

    [Authorize]
    [HttpPost("products/{id:guid}/withdraw")]
    public async Task<IActionResult> Withdraw(Guid id, uint version, CancellationToken ct) =>
        await this.RunAsync(db, await db.LoanProducts.SingleOrDefaultAsync(p => p.Id == id, ct), permissions.Withdraws, version,
            p => p.Withdraw(), "产品已下架。", p => $"/finance/products/{p.Id}", ct);

    [Authorize]
    [HttpPost("products/{id:guid}/applications")]
    public async Task<IActionResult> Apply(Guid id, decimal? amount, string? purpose, CancellationToken ct)
    {
        var product = await db.LoanProducts.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (product is null)
        {
            return NotFound();
        }

        if (!permissions.Borrows)
        {
            return Forbid();
        }

        var own = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == actor.OrganizationId, ct);
        try
        {
            if (await infringers.IsListedAsync(own.CreditCode, Display.Today(clock), ct))
            {
                throw new DomainException("本企业列入重复侵权、故意侵权企业名录，公布期内不能申请科技贷款");
            }

            var held = await eligibility.HeldAsync(own.Id, own.CreditCode, Display.Today(clock), ct);
            var application = LoanApplication.Apply(product, own.Id, own.Name, own.CreditCode, own.RegionCode, held, amount ?? 0, purpose ?? string.Empty, clock.GetUtcNow());
            db.LoanApplications.Add(application);
            await db.SaveChangesAsync(ct);
            TempData[DomainExceptionFilter.FlashSuccess] = "贷款申请已提交，银行将与您联系。";
            return RedirectToAction(nameof(Applications));
        }
        catch (DomainException e)
        {
            TempData[DomainExceptionFilter.FlashError] = e.Message;
            return RedirectToAction(nameof(Product), new { id });
        }
    }

    [Authorize]
    [HttpGet("applications")]
    public async Task<IActionResult> Applications(LoanStatus? status, int page = 1, CancellationToken ct = default)
    {
        if (!permissions.ReadsApplications)
        {
            return Forbid();
        }

        ViewData["Status"] = status;
        ViewData["IsBank"] = permissions.Lends;
        var query = db.LoanApplications.AsNoTracking();
        query = status is { } s ? query.Where(a => a.Status == s) : query;
        return View(await query.OrderBy(a => a.Status).ThenByDescending(a => a.CreatedAt).ThenBy(a => a.Id).ToPagedListAsync(page, ct: ct));
    }

    [Authorize]
    [HttpPost("applications/{id:guid}/decide")]
    public async Task<IActionResult> Decide(Guid id, bool approve, decimal? amount, decimal? rate, string? reason, uint version, CancellationToken ct)
    {
        var application = await db.LoanApplications.SingleOrDefaultAsync(a => a.Id == id, ct);
        // The bank sees its own products, published or not.
        var product = application is null ? null : await db.LoanProducts.AsNoTracking().SingleOrDefaultAsync(p => p.Id == application.ProductId, ct);
        return await this.RunAsync(db, application, a => permissions.Allows(FinancePermissions.Handle, a) && product is not null, version, a => a.Decide(product!, approve, amount, rate, reason),
            approve ? "已批准。" : "已作出不予授信的决定。", _ => "/finance/applications", ct);
    }

    [Authorize]
    [HttpPost("applications/{id:guid}/disburse")]
    public async Task<IActionResult> Disburse(Guid id, DateOnly? on, uint version, CancellationToken ct) =>
        await this.RunAsync(db, await db.LoanApplications.SingleOrDefaultAsync(a => a.Id == id, ct), a => permissions.Allows(FinancePermissions.Handle, a), version,
            a => a.Disburse(on ?? Display.Today(clock)), "已登记放款。", _ => "/finance/applications", ct);

    [Authorize]
    [HttpPost("applications/{id:guid}/repay")]
    public async Task<IActionResult> Repay(Guid id, DateOnly? on, decimal? principal, uint version, CancellationToken ct) =>
        await this.RunAsync(db, await db.LoanApplications.SingleOrDefaultAsync(a => a.Id == id, ct), a => permissions.Allows(FinancePermissions.Handle, a), version,
            a => a.Repay(on ?? Display.Today(clock), principal ?? 0), "已登记还款。", _ => "/finance/applications", ct);

    [Authorize]
    [HttpPost("applications/{id:guid}/default")]
    public async Task<IActionResult> Default(Guid id, string? reason, uint version, CancellationToken ct) =>
        await this.RunAsync(db, await db.LoanApplications.SingleOrDefaultAsync(a => a.Id == id, ct), a => permissions.Allows(FinancePermissions.Handle, a), version,
            a => a.MarkDefault(reason ?? string.Empty), "已登记逾期。", _ => "/finance/applications", ct);
}
