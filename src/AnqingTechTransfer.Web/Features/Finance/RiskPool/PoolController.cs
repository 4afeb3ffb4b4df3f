using AnqingTechTransfer.Domain.Finance;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace AnqingTechTransfer.Web.Features.Finance.RiskPool;

/// <summary>
/// 风险补偿资金池 and 成果转化引导基金: the bureau signs agreements with cooperating banks, reviews their non-performing ratio,
/// and decides the claims banks file on defaulted loans within the set working days; banks record recoveries, returned pro
/// rata. The guidance sub-fund's investments are recorded with their stage and the early-stage share watched.
/// </summary>
[Authorize]
[Route("finance")]
public class PoolController(FinancePermissions permissions) : Controller
{
    [HttpGet("pool")]
    public async Task<IActionResult> Index([FromServices] PoolPageHandler pool, CancellationToken ct) =>
        await permissions.ReadsPoolAsync(ct) ? View(await pool.HandleAsync(ct)) : Forbid();

    [HttpPost("pool/agreements")]
    public async Task<IActionResult> Sign([FromServices] AgreementsHandler agreements, Guid bankId, DateOnly? from, DateOnly? to, decimal? poolShare, decimal? cap,
        decimal? nplThreshold, CancellationToken ct)
    {
        if (!permissions.KeepsPool)
        {
            return Forbid();
        }

        await agreements.SignAsync(bankId, from, to, poolShare, cap, nplThreshold, ct);
        return Back("已签订合作协议。");
    }

    /// <summary>Reviews the bank's non-performing ratio from its tech loans on the portal; above the threshold it is suspended.</summary>
    [HttpPost("pool/agreements/{id:guid}/review")]
    public async Task<IActionResult> Review([FromServices] AgreementsHandler agreements, Guid id, uint version, CancellationToken ct) =>
        this.Answer(await agreements.ReviewAsync(id, version, permissions.KeepsPool, ct),
            r => Back($"不良率 {r.Ratio:P2}：" + (r.Suspended ? "已暂停合作。" : "合作正常。")));

    [HttpPost("pool/claims")]
    public async Task<IActionResult> File([FromServices] ClaimsHandler claims, Guid loanId, string? evidence, CancellationToken ct) =>
        this.Answer(await claims.FileAsync(loanId, evidence, ct), due => Back($"补偿申请已提交，市科技局将于 {Display.Date(due)} 前办结。"));

    [HttpPost("pool/claims/{id:guid}/decide")]
    public async Task<IActionResult> Decide([FromServices] ClaimsHandler claims, Guid id, bool approve, decimal? amount, string? reason, uint version,
        CancellationToken ct) =>
        this.Answer(await claims.DecideAsync(id, approve, amount, reason, version, ct), _ => Back(approve ? "已核定补偿金额。" : "已决定不予补偿。"));

    [HttpPost("pool/claims/{id:guid}/recoveries")]
    public async Task<IActionResult> Recover([FromServices] ClaimsHandler claims, Guid id, decimal? amount, uint version, CancellationToken ct) =>
        this.Answer(await claims.RecoverAsync(id, amount, version, ct), _ => Back("已登记追偿回收，按比例返还资金池。"));

    /// <summary>The fund is the city's: the bureau, the city's leaders and 市地方金融监管局 read it.</summary>
    [HttpGet("fund")]
    public async Task<IActionResult> Fund([FromServices] FundInvestmentsHandler fund, int? year, CancellationToken ct) =>
        await permissions.ReadsFundAsync(ct) ? View(await fund.PageAsync(year, permissions.KeepsPool, ct)) : Forbid();

    [HttpPost("fund")]
    public async Task<IActionResult> Invest([FromServices] FundInvestmentsHandler fund, string? project, string? enterpriseName, string? creditCode,
        InvestmentStage stage, decimal? amount, DateOnly? on, CancellationToken ct)
    {
        if (!permissions.KeepsPool)
        {
            return Forbid();
        }

        await fund.InvestAsync(project, enterpriseName, creditCode, stage, amount, on, ct);
        return this.Flash("已登记投资。", RedirectToAction(nameof(Fund)));
    }

    /// <summary>One investment with its corrections; the bureau corrects it with a reason.</summary>
    [HttpGet("fund/{id:guid}")]
    public async Task<IActionResult> Investment([FromServices] FundInvestmentsHandler fund, Guid id, CancellationToken ct)
    {
        if (!await permissions.ReadsFundAsync(ct))
        {
            return Forbid();
        }

        return await fund.InvestmentAsync(id, ct) is { } investment ? View(new InvestmentView(investment, permissions.KeepsPool)) : NotFound();
    }

    [HttpPost("fund/{id:guid}/correct")]
    public async Task<IActionResult> Correct([FromServices] FundInvestmentsHandler fund, Guid id, string? project, string? enterpriseName, string? creditCode,
        InvestmentStage stage, decimal? amount, DateOnly? on, string? reason, uint version, CancellationToken ct) =>
        this.Answer(await fund.CorrectAsync(id, permissions.KeepsPool, project, enterpriseName, creditCode, stage, amount, on, reason, version, ct),
            i => this.Flash("已更正投资记录，更正记录已留存。", RedirectToAction(nameof(Investment), new { id = i.Id })));

    /// <summary>银行年度科技金融数据: each bank reports its year; beside it, the tech loans the bank disbursed through the portal.</summary>
    [HttpGet("figures")]
    public async Task<IActionResult> Figures([FromServices] BankFiguresHandler figures, int? year, CancellationToken ct) =>
        await permissions.ReadsFiguresAsync(ct) ? View(await figures.PageAsync(year, permissions.Lends, permissions.KeepsPool, ct)) : Forbid();

    [HttpPost("figures")]
    public async Task<IActionResult> Report([FromServices] BankFiguresHandler figures, int year, decimal? techLoans, decimal? creditLoans, decimal? insurance,
        decimal? guarantees, CancellationToken ct)
    {
        if (!permissions.Lends)
        {
            return Forbid();
        }

        await figures.ReportAsync(year, techLoans, creditLoans, insurance, guarantees, ct);
        return this.Flash($"已报送 {year} 年度数据。", RedirectToAction(nameof(Figures), new { year }));
    }

    /// <summary>The bureau locks the year's figures for the evaluation; banks can no longer report or correct them.</summary>
    [HttpPost("figures/{year:int}/lock")]
    public async Task<IActionResult> LockYear([FromServices] BankFiguresHandler figures, int year, CancellationToken ct)
    {
        if (!permissions.KeepsPool)
        {
            return Forbid();
        }

        await figures.LockAsync(year, ct);
        return this.Flash($"已锁定 {year} 年度数据，银行不能再修改。", RedirectToAction(nameof(Figures), new { year }));
    }

    private IActionResult Back(string message) => this.Flash(message, RedirectToAction(nameof(Index)));
}
