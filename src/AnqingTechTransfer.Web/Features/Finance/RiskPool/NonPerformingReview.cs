using AnqingTechTransfer.Domain.Finance;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Finance.RiskPool;

/// <summary>
/// The bank's non-performing ratio checked against its running agreements whenever the figures behind it are saved (a
/// disbursement, a repayment, a default, the yearly report), not only when the bureau clicks 核查: above the threshold the
/// cooperation is suspended, back under it reinstated.
/// </summary>
public class NonPerformingReview(PortalDbContext db, TimeProvider clock) : IUseCase
{
    /// <summary>The ratio the bank's running agreements were reviewed at (null when it has none running).</summary>
    public async Task<decimal?> ReviewBankAsync(Guid bankOrganizationId, CancellationToken ct)
    {
        var today = Display.Today(clock);
        var agreements = await db.PoolAgreements.Where(a => a.BankOrganizationId == bankOrganizationId && a.To >= today).ToListAsync(ct);
        if (agreements.Count == 0)
        {
            return null;
        }

        var loans = await db.LoanApplications.AsNoTracking()
            .Where(l => l.BankOrganizationId == bankOrganizationId && (l.Status == LoanStatus.Disbursed || l.Status == LoanStatus.Defaulted)).ToListAsync(ct);
        var ratio = CooperationAgreement.NonPerformingRatio(loans);
        agreements.ForEach(a => a.Review(ratio));
        await db.SaveChangesAsync(ct);
        return ratio;
    }
}
