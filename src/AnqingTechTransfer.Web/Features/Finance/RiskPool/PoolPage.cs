using AnqingTechTransfer.Domain.Finance;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Finance.RiskPool;

public sealed record PoolView(IReadOnlyList<CooperationAgreement> Agreements, IReadOnlyList<CompensationClaim> Claims, IReadOnlyDictionary<Guid, decimal> Compensated,
    IReadOnlyList<(Guid Id, string Name)> Banks, IReadOnlyList<LoanApplication> Defaulted, bool IsBureau, bool IsBank, DateOnly Today);

/// <summary>
/// 风险补偿资金池: the agreements with what each has compensated, the claims; the bureau chooses among the active banks to sign
/// with; a bank its defaulted loans not yet claimed.
/// </summary>
public class PoolPageHandler(PortalDbContext db, ICurrentActor actor, FinancePermissions permissions, TimeProvider clock) : IUseCase
{
    public async Task<PoolView> HandleAsync(CancellationToken ct)
    {
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
        return new PoolView(agreements, claims, compensated, banks, defaulted, permissions.KeepsPool, permissions.Lends, Display.Today(clock));
    }
}
