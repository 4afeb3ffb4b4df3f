using AnqingTechTransfer.Domain.Finance;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AnqingTechTransfer.Web.Features.Finance.Loans;

/// <summary>
/// 科技金融: banks publish technology loan products; an eligible enterprise applies; the bank decides, disburses and records
/// repayments or a default. A bank sees its own products and the applications to them only.
/// </summary>
[Route("finance")]
public class FinanceController(FinancePermissions permissions) : Controller
{
    [AllowAnonymous]
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] ListProductsHandler list, LoanKind? kind, int page = 1, CancellationToken ct = default) =>
        View(await list.HandleAsync(kind, page, User.Identity?.IsAuthenticated == true, ct));

    [Authorize]
    [HttpGet("products/new")]
    public IActionResult New() => permissions.Lends ? View(new ProductForm()) : Forbid();

    [Authorize]
    [HttpPost("products/new")]
    public async Task<IActionResult> New([FromServices] PublishProductHandler publish, ProductForm form, CancellationToken ct)
    {
        if (!permissions.Lends)
        {
            return Forbid();
        }

        return this.Answer(await publish.HandleAsync(form, ModelState.IsValid, ct), form, id => this.Flash("产品已发布。", RedirectToAction(nameof(Product), new { id })));
    }

    [AllowAnonymous]
    [HttpGet("products/{id:guid}")]
    public async Task<IActionResult> Product([FromServices] ProductDetailsHandler details, Guid id, CancellationToken ct) =>
        await details.HandleAsync(id, ct) is { } page ? View(page) : NotFound();

    [Authorize]
    [HttpPost("products/{id:guid}/withdraw")]
    public async Task<IActionResult> Withdraw([FromServices] ProductDetailsHandler details, Guid id, uint version, CancellationToken ct) =>
        this.Answer(await details.WithdrawAsync(id, version, ct), p => this.Flash("产品已下架。", RedirectToAction(nameof(Product), new { id = p.Id })));

    /// <summary>A refused application is told on the product's page.</summary>
    [Authorize]
    [HttpPost("products/{id:guid}/applications")]
    public async Task<IActionResult> Apply([FromServices] ApplyForLoanHandler apply, Guid id, decimal? amount, string? purpose, CancellationToken ct)
    {
        var result = await apply.HandleAsync(id, amount, purpose, permissions.Borrows, ct);
        return this.Answer(result, _ => this.Flash("贷款申请已提交，银行将与您联系。", RedirectToAction(nameof(Applications))), _ =>
        {
            TempData[DomainExceptionFilter.FlashError] = result.Errors[0].Message;
            return RedirectToAction(nameof(Product), new { id });
        });
    }

    [Authorize]
    [HttpGet("applications")]
    public async Task<IActionResult> Applications([FromServices] LoanApplicationsHandler applications, LoanStatus? status, int page = 1,
        CancellationToken ct = default) =>
        permissions.ReadsApplications ? View(await applications.ListAsync(status, page, ct)) : Forbid();

    [Authorize]
    [HttpPost("applications/{id:guid}/decide")]
    public async Task<IActionResult> Decide([FromServices] LoanApplicationsHandler applications, Guid id, bool approve, decimal? amount, decimal? rate, string? reason,
        uint version, CancellationToken ct) =>
        this.Answer(await applications.DecideAsync(id, approve, amount, rate, reason, version, ct), _ => Back(approve ? "已批准。" : "已作出不予授信的决定。"));

    [Authorize]
    [HttpPost("applications/{id:guid}/disburse")]
    public async Task<IActionResult> Disburse([FromServices] LoanApplicationsHandler applications, Guid id, DateOnly? on, uint version, CancellationToken ct) =>
        this.Answer(await applications.DisburseAsync(id, on, version, ct), _ => Back("已登记放款。"));

    [Authorize]
    [HttpPost("applications/{id:guid}/repay")]
    public async Task<IActionResult> Repay([FromServices] LoanApplicationsHandler applications, Guid id, DateOnly? on, decimal? principal, uint version,
        CancellationToken ct) =>
        this.Answer(await applications.RepayAsync(id, on, principal, version, ct), _ => Back("已登记还款。"));

    [Authorize]
    [HttpPost("applications/{id:guid}/default")]
    public async Task<IActionResult> Default([FromServices] LoanApplicationsHandler applications, Guid id, string? reason, uint version, CancellationToken ct) =>
        this.Answer(await applications.DefaultAsync(id, reason, version, ct), _ => Back("已登记逾期。"));

    private IActionResult Back(string message) => this.Flash(message, RedirectToAction(nameof(Applications)));
}
