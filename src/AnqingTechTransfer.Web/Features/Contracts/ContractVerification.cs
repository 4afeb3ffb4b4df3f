using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Contracts;

/// <summary>What the public verification page shows: nothing beyond what is printed on the certificate's face.</summary>
public sealed record VerifiedContract(string RegistrationNumber, string ProjectName, string TypeName, DateTimeOffset RegisteredAt, string PointName, bool Cancelled);

public static class ContractVerification
{
    /// <summary>
    /// Tenancy bypass: the public checks a certificate by its number and secret code together; one matching row, and only
    /// the non-sensitive fields, are read (no amounts, no parties' codes).
    /// </summary>
    public static async Task<VerifiedContract?> FindAsync(PortalDbContext db, string number, string code, CancellationToken ct) =>
        await db.TechContracts.IgnoreQueryFilters([PortalDbContext.TenantFilter]).AsNoTracking()
            .Where(c => c.RegistrationNumber == number && c.VerificationCode == code && !c.IsImported
                && (c.Status == ContractStatus.Registered || c.Status == ContractStatus.Cancelled))
            .Join(db.RegistrationPoints, c => c.RegistrationPointId, p => p.Id, (c, p) => new { c.RegistrationNumber, c.ProjectName, c.Type, c.RegisteredAt, p.Name, c.Status })
            .Select(x => new VerifiedContract(x.RegistrationNumber!, x.ProjectName, x.Type.ToString(), x.RegisteredAt!.Value, x.Name, x.Status == ContractStatus.Cancelled))
            .SingleOrDefaultAsync(ct);
}
