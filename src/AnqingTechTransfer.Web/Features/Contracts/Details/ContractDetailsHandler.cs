using AnqingTechTransfer.Domain.CodeTables;
using AnqingTechTransfer.Domain.Contracts;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Administration.CodeTables;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Contracts.Details;

/// <summary>One contract as the user sees it (the tenant filter decides seeing; the gate decides filing and deciding).</summary>
public class ContractDetailsHandler(PortalDbContext db, ContractCalendarHandler calendar, CodeTableLookupHandler codes) : IUseCase
{
    /// <summary>The code tables the national form's fields use.</summary>
    private static readonly string[] FormTables =
        [CodeTableCatalog.TechnicalField, CodeTableCatalog.IpType, CodeTableCatalog.PlanSource, CodeTableCatalog.SocioEconomicGoal, CodeTableCatalog.LegalPersonNature,
            CodeTableCatalog.CountryRegion];

    /// <summary>Null when the contract is not seen.</summary>
    public async Task<ContractDetailsPage?> PageAsync(Guid id, ContractGate may, CancellationToken ct)
    {
        var contract = await db.TechContracts.AsNoTracking().Include(c => c.Events).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (contract is null)
        {
            return null;
        }

        var point = await db.RegistrationPoints.AsNoTracking().SingleAsync(p => p.Id == contract.RegistrationPointId, ct);
        var files = await db.Attachments.AsNoTracking().Where(a => a.OwnerType == ContractFilingHandler.AttachmentOwnerType && a.OwnerId == id)
            .OrderBy(a => a.UploadedAt).Select(a => new { a.Id, a.FileName, a.Purpose }).ToListAsync(ct);
        var names = new Dictionary<string, IReadOnlyDictionary<string, string>>();
        foreach (var table in FormTables)
        {
            names[table] = await codes.NamesAsync(table, ct);
        }

        var open = await db.ContractChangeRequests.AsNoTracking().SingleOrDefaultAsync(r => r.ContractId == id && r.Status == ChangeRequestStatus.Pending, ct);
        var pending = open is null ? null : new PendingChange(open.Version, open.Reason, open.FiledAt, open.FiledBy, open.Changes(contract));
        var actors = contract.Events.Select(e => e.UserId).Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => actors.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return new ContractDetailsPage(contract, point, files.Select(f => (f.Id, f.FileName, Domain.Contracts.ContractEvidence.FromPurpose(f.Purpose))).ToList(),
            await may(contract, ContractPermissions.File), await may(contract, ContractPermissions.Decide),
            calendar.Today, names[CodeTableCatalog.TechnicalField], names, await calendar.CoverageAsync(ct), pending, people);
    }
}
