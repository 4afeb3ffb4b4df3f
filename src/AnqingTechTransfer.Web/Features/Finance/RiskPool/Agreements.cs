using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Finance;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Finance.RiskPool;

/// <summary>The review of an agreement: the bank's non-performing ratio and whether it passed the threshold (then cooperation is suspended).</summary>
public sealed record AgreementReview(decimal Ratio, bool Suspended);

/// <summary>
/// The bureau signs cooperation agreements with banks and reviews their non-performing ratio from their tech loans on the
/// portal. A broken rule stays the filter's flash message (no form here).
/// </summary>
public class AgreementsHandler(PortalDbContext db, TimeProvider clock) : IUseCase
{
    public async Task SignAsync(Guid bankId, DateOnly? from, DateOnly? to, decimal? poolShare, decimal? cap, decimal? nplThreshold, CancellationToken ct)
    {
        var bank = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == bankId && o.Kind == OrganizationKind.Bank, ct)
            ?? throw new DomainException("请选择合作银行");
        db.PoolAgreements.Add(CooperationAgreement.Sign(bank.Id, bank.Name, from ?? Display.Today(clock), to ?? Display.Today(clock).AddYears(3),
            (poolShare ?? 50) / 100, cap ?? 0, (nplThreshold ?? 5) / 100, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
    }

    public async Task<RecordResult<AgreementReview>> ReviewAsync(Guid id, uint version, bool keepsPool, CancellationToken ct)
    {
        var agreement = await db.PoolAgreements.SingleOrDefaultAsync(a => a.Id == id, ct);
        var loans = agreement is null ? [] : await db.LoanApplications.AsNoTracking()
            .Where(l => l.BankOrganizationId == agreement.BankOrganizationId && (l.Status == LoanStatus.Disbursed || l.Status == LoanStatus.Defaulted)).ToListAsync(ct);
        var ratio = CooperationAgreement.NonPerformingRatio(loans);
        var reviewed = await db.StepAsync(agreement, _ => keepsPool, version, a => a.Review(ratio), ct);
        return reviewed.Verdict == Verdict.Done
            ? RecordResult<AgreementReview>.Done(new AgreementReview(ratio, ratio > reviewed.Value!.NplThreshold))
            : new RecordResult<AgreementReview>(reviewed.Verdict, null, reviewed.Errors);
    }
}
