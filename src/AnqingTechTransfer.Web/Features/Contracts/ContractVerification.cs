using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Contracts;

/// <summary>What the public verification page shows: what is printed on the certificate's face, nothing more.</summary>
public sealed record VerifiedContract(
    string RegistrationNumber, string ProjectName, TechContractType Type, TechContractSubType? SubType, string SellerName, string BuyerName,
    decimal ContractAmount, decimal TechAmount, DateTimeOffset RegisteredAt, string PointName, bool Cancelled);

public static class ContractVerification
{
    /// <summary>
    /// Tenancy bypass: the public checks a certificate by its number and secret code together; one matching row, and only
    /// the fields printed on the certificate (parties' names, type, registered amounts) are read: no credit codes, no
    /// contacts, no attachments, no history.
    /// </summary>
    public static async Task<VerifiedContract?> FindAsync(PortalDbContext db, string number, string code, CancellationToken ct) =>
        await db.TechContracts.IgnoreQueryFilters([PortalDbContext.TenantFilter]).AsNoTracking()
            .Where(c => c.RegistrationNumber == number && c.VerificationCode == code && !c.IsImported
                && (c.Status == ContractStatus.Registered || c.Status == ContractStatus.Cancelled))
            .Join(db.RegistrationPoints, c => c.RegistrationPointId, p => p.Id, (c, p) => new
            {
                c.RegistrationNumber, c.ProjectName, c.Type, c.SubType, SellerName = c.Seller.Name, BuyerName = c.Buyer.Name,
                c.ContractAmount, c.TechAmount, c.RegisteredAt, p.Name, c.Status,
            })
            .Select(x => new VerifiedContract(x.RegistrationNumber!, x.ProjectName, x.Type, x.SubType, x.SellerName, x.BuyerName,
                x.ContractAmount, x.TechAmount, x.RegisteredAt!.Value, x.Name, x.Status == ContractStatus.Cancelled))
            .SingleOrDefaultAsync(ct);
}
