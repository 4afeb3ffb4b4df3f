using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Finance;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Finance.RiskPool;

public sealed record BankFigureRow(BankYearFigures Reported, decimal PlatformLoans, int PlatformCount);

public sealed record FiguresView(int Year, IReadOnlyList<BankFigureRow> Rows, bool IsBank);

/// <summary>银行年度科技金融数据: each bank reports its year (again, to correct it); beside it, the tech loans the bank disbursed through the portal.</summary>
public class BankFiguresHandler(PortalDbContext db, ICurrentActor actor, TimeProvider clock) : IUseCase
{
    public async Task<FiguresView> PageAsync(int? year, bool isBank, CancellationToken ct)
    {
        var y = year ?? Display.Today(clock).Year;
        var reported = await db.BankYearFigures.AsNoTracking().Where(f => f.Year == y).OrderBy(f => f.BankName).ToListAsync(ct);
        var from = new DateOnly(y, 1, 1);
        var to = from.AddYears(1);
        var platform = await db.LoanApplications.AsNoTracking()
            .Where(l => l.DisbursedOn >= from && l.DisbursedOn < to)
            .GroupBy(l => l.BankOrganizationId).Select(g => new { g.Key, Sum = g.Sum(l => l.ApprovedAmount ?? 0), Count = g.Count() }).ToListAsync(ct);
        return new FiguresView(y, reported.Select(r => new BankFigureRow(r, platform.FirstOrDefault(p => p.Key == r.BankOrganizationId)?.Sum ?? 0,
            platform.FirstOrDefault(p => p.Key == r.BankOrganizationId)?.Count ?? 0)).ToList(), isBank);
    }

    /// <summary>A broken rule stays the filter's flash message (no form here).</summary>
    public async Task ReportAsync(int year, decimal? techLoans, decimal? creditLoans, decimal? insurance, decimal? guarantees, CancellationToken ct)
    {
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
    }
}
