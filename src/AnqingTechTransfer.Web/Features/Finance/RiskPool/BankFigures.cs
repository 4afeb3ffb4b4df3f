using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Finance;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Finance.RiskPool;

public sealed record BankFigureRow(BankYearFigures Reported, decimal PlatformLoans, int PlatformCount);

public sealed record FiguresView(int Year, IReadOnlyList<BankFigureRow> Rows, bool IsBank, BankFiguresLock? Lock, bool CanLock);

/// <summary>
/// 银行年度科技金融数据: each bank reports its year (again, to correct it) until the bureau locks the year; beside it, the
/// tech loans the bank disbursed through the portal. A report also reviews the bank's non-performing ratio.
/// </summary>
public class BankFiguresHandler(PortalDbContext db, ICurrentActor actor, NonPerformingReview review, TimeProvider clock) : IUseCase
{
    public async Task<FiguresView> PageAsync(int? year, bool isBank, bool canLock, CancellationToken ct)
    {
        var y = year ?? Display.Today(clock).Year;
        var reported = await db.BankYearFigures.AsNoTracking().Where(f => f.Year == y).OrderBy(f => f.BankName).ToListAsync(ct);
        var from = new DateOnly(y, 1, 1);
        var to = from.AddYears(1);
        var platform = await db.LoanApplications.AsNoTracking()
            .Where(l => l.DisbursedOn >= from && l.DisbursedOn < to)
            .GroupBy(l => l.BankOrganizationId).Select(g => new { g.Key, Sum = g.Sum(l => l.ApprovedAmount ?? 0), Count = g.Count() }).ToListAsync(ct);
        var yearLock = await db.BankFiguresLocks.AsNoTracking().SingleOrDefaultAsync(l => l.Year == y, ct);
        return new FiguresView(y, reported.Select(r => new BankFigureRow(r, platform.FirstOrDefault(p => p.Key == r.BankOrganizationId)?.Sum ?? 0,
            platform.FirstOrDefault(p => p.Key == r.BankOrganizationId)?.Count ?? 0)).ToList(), isBank, yearLock, canLock);
    }

    /// <summary>A broken rule stays the filter's flash message (no form here).</summary>
    public async Task ReportAsync(int year, decimal? techLoans, decimal? creditLoans, decimal? insurance, decimal? guarantees, CancellationToken ct)
    {
        if (year < 2021 || year > Display.Today(clock).Year)
        {
            throw new DomainException("年度应在2021年至今年之间");
        }

        BankYearFigures.EnsureOpen(year, await db.BankFiguresLocks.AsNoTracking().SingleOrDefaultAsync(l => l.Year == year, ct));
        var figures = await db.BankYearFigures.SingleOrDefaultAsync(f => f.Year == year && f.BankOrganizationId == actor.OrganizationId, ct);
        if (figures is null)
        {
            var name = await db.Organizations.AsNoTracking().Where(o => o.Id == actor.OrganizationId).Select(o => o.Name).SingleAsync(ct);
            figures = BankYearFigures.Report(actor.OrganizationId, name, year, clock.GetUtcNow());
            db.BankYearFigures.Add(figures);
        }

        figures.Set(techLoans ?? 0, creditLoans ?? 0, insurance ?? 0, guarantees ?? 0);
        await db.SaveChangesAsync(ct);
        await review.ReviewBankAsync(actor.OrganizationId, ct);
    }

    /// <summary>The bureau locks a year for the evaluation: from then on no bank reports or corrects it. A broken rule stays the filter's flash message.</summary>
    public async Task LockAsync(int year, CancellationToken ct)
    {
        if (await db.BankFiguresLocks.AnyAsync(l => l.Year == year, ct))
        {
            throw new DomainException($"{year}年度数据已锁定");
        }

        db.BankFiguresLocks.Add(BankFiguresLock.Lock(year, Display.Today(clock).Year, actor.DisplayName, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
    }
}
