using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Contracts.Certificate;

/// <summary>The certificate of a contract registered on the platform (not one imported from elsewhere), and its public check.</summary>
public class CertificateHandler(PortalDbContext db) : IUseCase
{
    /// <summary>Null when the contract is not seen, not registered, or imported.</summary>
    public async Task<CertificatePage?> CertificateAsync(Guid id, CancellationToken ct)
    {
        var contract = await db.TechContracts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (contract is null || contract.Status != ContractStatus.Registered || contract.IsImported)
        {
            return null;
        }

        var point = await db.RegistrationPoints.AsNoTracking().Where(p => p.Id == contract.RegistrationPointId).Select(p => p.Name).SingleAsync(ct);
        return new CertificatePage(contract, point);
    }

    /// <summary>Checks a number and code only when both are given (then the page says whether they match).</summary>
    public async Task<VerifyPage> VerifyAsync(string? number, string? code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(number) || string.IsNullOrWhiteSpace(code))
        {
            return new VerifyPage(number, code, false, null);
        }

        return new VerifyPage(number, code, true, await ContractVerification.FindAsync(db, number.Trim(), code.Trim().ToUpperInvariant(), ct));
    }
}
