using AnqingTechTransfer.Domain.Infringers;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Supervision.Infringers;

/// <summary>The enterprises on the list on a day: listed and within their publication period.</summary>
public class InfringerCheckHandler(PortalDbContext db) : IUseCase
{
    public static IQueryable<InfringerEntry> InForce(IQueryable<InfringerEntry> entries, DateOnly today) =>
        entries.Where(e => e.Listing == InfringerListing.Listed && e.PublishFrom <= today && e.PublishUntil >= today);

    public Task<bool> IsListedAsync(string creditCode, DateOnly today, CancellationToken ct)
    {
        var code = CreditCode.Normalize(creditCode);
        return InForce(db.InfringerEntries.AsNoTracking(), today).AnyAsync(e => e.CreditCode == code, ct);
    }
}
