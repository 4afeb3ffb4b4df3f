using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Attachments;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Contracts;

/// <summary>A contract's files are seen by whoever sees the contract (its tenant filter decides).</summary>
public class ContractAttachmentOwner(PortalDbContext db) : IAttachmentOwner
{
    public string OwnerType => ContractFilingHandler.AttachmentOwnerType;

    public Task<bool> CanSeeAsync(Guid ownerId, CancellationToken ct) => db.TechContracts.AnyAsync(c => c.Id == ownerId, ct);
}
