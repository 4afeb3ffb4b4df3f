using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Finance;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Contracts;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Infrastructure;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Finance;

public class PoolOptions
{
    public const string Section = "Finance";

    /// <summary>Working days the bureau has to decide a compensation claim (25 in the reference scheme).</summary>
    public int ClaimReviewWorkingDays { get; set; } = 25;
}

public sealed record PoolView(IReadOnlyList<CooperationAgreement> Agreements, IReadOnlyList<CompensationClaim> Claims, IReadOnlyDictionary<Guid, decimal> Compensated,
    IReadOnlyList<(Guid Id, string Name)> Banks, IReadOnlyList<LoanApplication> Defaulted, bool IsBureau, bool IsBank, DateOnly Today);

public sealed record BankFigureRow(BankYearFigures Reported, decimal PlatformLoans, int PlatformCount);

public sealed record FiguresView(int Year, IReadOnlyList<BankFigureRow> Rows, bool IsBank);

public sealed record FundView(IReadOnlyList<FundInvestment> Investments, decimal Total, decimal Early, decimal? Share, bool Below, bool CanRecord);

/// <summary>
/// 风险补偿资金池 and 成果转化引导基金: the bureau signs agreements with cooperating banks, reviews their non-performing ratio,
/// and decides the claims banks file on defaulted loans within the set working days; banks record recoveries, returned pro
/// rata. The guidance sub-fund's investments are recorded with their stage and the early-stage share watched.
/// </summary>
[Authorize]
[Route("finance")]
public class PoolController(PortalDbContext db, ICurrentActor actor, FinancePermissions permissions, ContractCalendarHandler calendar,
    Microsoft.Extensions.Options.IOptions<PoolOptions> options, TimeProvider clock) : Controller
{
    [HttpGet("pool")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        if (!permissions.SeesPool)
        {
            return Forbid();
        }

        var agreements = await db.PoolAgreements.AsNoTracking().OrderBy(a => a.BankName).ThenByDescending(a => a.From).ToListAsync(ct);
        var claims = await db.PoolClaims.AsNoTracking().OrderBy(c => c.Status).ThenBy(c => c.DueBy).Take(200).ToListAsync(ct);
        var compensated = await db.PoolClaims.AsNoTracking().Where(c => c.Status == ClaimStatus.Approved).GroupBy(c => c.AgreementId)
            .Select(g => new { g.Key, Sum = g.Sum(c => c.ApprovedAmount ?? 0) }).ToDictionaryAsync(x => x.Key, x => x.Sum, ct);
        var banks = permissions.KeepsPool
            ? (await db.Organizations.AsNoTracking().Where(o => o.Kind == OrganizationKind.Bank && o.Status == OrganizationStatus.Active).OrderBy(o => o.Name)
                .Select(o => new { o.Id, o.Name }).ToListAsync(ct)).Select(o => (o.Id, o.Name)).ToList()
            : [];
        var claimed = await db.PoolClaims.AsNoTracking().Select(c => c.LoanId).ToListAsync(ct);
        var defaulted = permissions.Lends
            ? await db.LoanApplications.AsNoTracking().Where(l => l.BankOrganizationId == actor.OrganizationId && l.Status == LoanStatus.Defaulted && !claimed.Contains(l.Id))
                .OrderBy(l => l.EnterpriseName).ToListAsync(ct)
            : [];
        return View(new PoolView(agreements, claims, compensated, banks, defaulted, permissions.KeepsPool, permissions.Lends, Display.Today(clock)));
    }

    [HttpPost("pool/agreements")]
    public async Task<IActionResult> Sign(Guid bankId, DateOnly? from, DateOnly? to, decimal? poolShare, decimal? cap, decimal? nplThreshold, CancellationToken ct)
    {
        if (!permissions.KeepsPool)
        {
            return Forbid();
        }

        var bank = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == bankId && o.Kind == OrganizationKind.Bank, ct)
            ?? throw new DomainException("请选择合作银行");
        db.PoolAgreements.Add(CooperationAgreement.Sign(bank.Id, bank.Name, from ?? Display.Today(clock), to ?? Display.Today(clock).AddYears(3),
            (poolShare ?? 50) / 100, cap ?? 0, (nplThreshold ?? 5) / 100, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        TempData[DomainExceptionFilter.FlashSuccess] = "已签订合作协议。";
        return RedirectToAction(nameof(Index));
    }

    /// <summary>Reviews the bank's non-performing ratio from its tech loans on the portal; above the threshold it is suspended.</summary>
    [HttpPost("pool/agreements/{id:guid}/review")]
    public async Task<IActionResult> Review(Guid id, uint version, CancellationToken ct)
    {
        var agreement = await db.PoolAgreements.SingleOrDefaultAsync(a => a.Id == id, ct);
        var loans = agreement is null ? [] : await db.LoanApplications.AsNoTracking()
            .Where(l => l.BankOrganizationId == agreement.BankOrganizationId && (l.Status == LoanStatus.Disbursed || l.Status == LoanStatus.Defaulted)).ToListAsync(ct);
        var ratio = CooperationAgreement.NonPerformingRatio(loans);
        return await this.RunAsync(db, agreement, _ => permissions.KeepsPool, version, a => a.Review(ratio),
            $"不良率 {ratio:P2}：" + (ratio > (agreement?.NplThreshold ?? 0) ? "已暂停合作。" : "合作正常。"), _ => "/finance/pool", ct);
    }

    [HttpPost("pool/claims")]
    public async Task<IActionResult> File(Guid loanId, string? evidence, CancellationToken ct)
    {
        var loan = await db.LoanApplications.AsNoTracking().SingleOrDefaultAsync(l => l.Id == loanId, ct);
        if (loan is null)
        {
            return NotFound();
        }

        if (!permissions.Allows(FinancePermissions.ClaimCompensation, loan))
        {
            return Forbid();
        }

        var today = Display.Today(clock);
        var agreement = await db.PoolAgreements.AsNoTracking().Where(a => a.BankOrganizationId == actor.OrganizationId).OrderByDescending(a => a.From)
            .FirstOrDefaultAsync(a => loan.DisbursedOn != null && a.From <= loan.DisbursedOn && a.To >= loan.DisbursedOn, ct)
            ?? throw new DomainException("该笔贷款不在合作协议期内发放，不属于风险补偿范围");
        if (await db.PoolClaims.AnyAsync(c => c.LoanId == loanId, ct))
        {
            throw new DomainException("该笔贷款已申请过补偿");
        }

        var compensated = await db.PoolClaims.Where(c => c.AgreementId == agreement.Id && c.Status == ClaimStatus.Approved).SumAsync(c => c.ApprovedAmount ?? 0, ct);
        var due = (await calendar.CalendarAsync(ct)).AddWorkingDays(today, options.Value.ClaimReviewWorkingDays);
        db.PoolClaims.Add(CompensationClaim.File(agreement, loan, compensated, evidence ?? string.Empty, today, due, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        TempData[DomainExceptionFilter.FlashSuccess] = $"补偿申请已提交，市科技局将于 {Display.Date(due)} 前办结。";
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("pool/claims/{id:guid}/decide")]
    public async Task<IActionResult> Decide(Guid id, bool approve, decimal? amount, string? reason, uint version, CancellationToken ct) =>
        await this.RunAsync(db, await db.PoolClaims.SingleOrDefaultAsync(c => c.Id == id, ct), _ => permissions.KeepsPool, version,
            c => c.Decide(approve, amount, reason ?? string.Empty), approve ? "已核定补偿金额。" : "已决定不予补偿。", _ => "/finance/pool", ct);

    [HttpPost("pool/claims/{id:guid}/recoveries")]
    public async Task<IActionResult> Recover(Guid id, decimal? amount, uint version, CancellationToken ct) =>
        await this.RunAsync(db, await db.PoolClaims.SingleOrDefaultAsync(c => c.Id == id, ct), permissions.Recovers, version,
            c => c.Recover(Display.Today(clock), amount ?? 0), "已登记追偿回收，按比例返还资金池。", _ => "/finance/pool", ct);

    [HttpGet("fund")]
    public async Task<IActionResult> Fund(CancellationToken ct)
    {
        // The fund is the city's: the bureau and the city's leaders.
        if (!permissions.SeesFund)
        {
            return Forbid();
        }

        var investments = await db.FundInvestments.AsNoTracking().OrderByDescending(i => i.On).ThenBy(i => i.Id).Take(500).ToListAsync(ct);
        var (total, early, share, below) = GuidanceFund.EarlyShare(investments);
        return View(new FundView(investments, total, early, share, below, permissions.KeepsPool));
    }

    [HttpPost("fund")]
    public async Task<IActionResult> Invest(string? project, string? enterpriseName, string? creditCode, InvestmentStage stage, decimal? amount, DateOnly? on,
        CancellationToken ct)
    {
        if (!permissions.KeepsPool)
        {
            return Forbid();
        }

        if (string.IsNullOrWhiteSpace(project) || string.IsNullOrWhiteSpace(enterpriseName) || amount is null or <= 0)
        {
            throw new DomainException("请填写投资项目、被投企业和大于0的投资金额");
        }

        db.FundInvestments.Add(new FundInvestment(Guid.CreateVersion7(clock.GetUtcNow()), project.Trim(), enterpriseName.Trim(), (creditCode ?? string.Empty).Trim(), stage,
            amount.Value, on ?? Display.Today(clock)));
        await db.SaveChangesAsync(ct);
        TempData[DomainExceptionFilter.FlashSuccess] = "已登记投资。";
        return RedirectToAction(nameof(Fund));
    }

    /// <summary>银行年度科技金融数据: each bank reports its year; beside it, the tech loans the bank disbursed through the portal.</summary>
    [HttpGet("figures")]
    public async Task<IActionResult> Figures(int? year, CancellationToken ct)
    {
        if (!permissions.SeesFigures)
        {
            return Forbid();
        }

        var y = year ?? Display.Today(clock).Year;
        var reported = await db.BankYearFigures.AsNoTracking().Where(f => f.Year == y).OrderBy(f => f.BankName).ToListAsync(ct);
        var from = new DateOnly(y, 1, 1);
        var to = from.AddYears(1);
        var platform = await db.LoanApplications.AsNoTracking()
            .Where(l => l.DisbursedOn >= from && l.DisbursedOn < to)
            .GroupBy(l => l.BankOrganizationId).Select(g => new { g.Key, Sum = g.Sum(l => l.ApprovedAmount ?? 0), Count = g.Count() }).ToListAsync(ct);
        return View(new FiguresView(y, reported.Select(r => new BankFigureRow(r, platform.FirstOrDefault(p => p.Key == r.BankOrganizationId)?.Sum ?? 0,
            platform.FirstOrDefault(p => p.Key == r.BankOrganizationId)?.Count ?? 0)).ToList(), permissions.Lends));
    }

    [HttpPost("figures")]
    public async Task<IActionResult> Report(int year, decimal? techLoans, decimal? creditLoans, decimal? insurance, decimal? guarantees, CancellationToken ct)
    {
        if (!permissions.Lends)
        {
            return Forbid();
        }

        if (year < 2021 || year > Display.Today(clock).Year)
        {
            throw new DomainException("年度应在2021年至今年之间");
        }

        var figures = await db.BankYearFigures.SingleOrDefaultAsync(f => f.Year == year && f.BankOrganizationId == actor.OrganizationId, ct);
        if (figures is null)
        {
            var name = await db.Organizations.AsNoTracking().Where(o => o.Id == actor.OrganizationId).Select(o => o.Name).SingleAsync(ct);
            figures = BankYearFigures.Report(actor.OrganizationId, name, year, clock.GetUtcNow());
            db.BankYearFigures.Add(figures);
        }

        figures.Set(techLoans ?? 0, creditLoans ?? 0, insurance ?? 0, guarantees ?? 0);
        await db.SaveChangesAsync(ct);
        TempData[DomainExceptionFilter.FlashSuccess] = $"已报送 {year} 年度数据。";
        return RedirectToAction(nameof(Figures), new { year });
    }
}
