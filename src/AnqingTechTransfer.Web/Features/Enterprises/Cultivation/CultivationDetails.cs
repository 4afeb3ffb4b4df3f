using AnqingTechTransfer.Domain.Enterprises;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Enterprises.Cultivation;

/// <summary>An entry with its notes, and the note being written when it was refused.</summary>
public sealed record CultivationDetailsPage(CultivationEntry Entry, string? NoteText = null);

/// <summary>One entry of the pool with its gaps and notes (null when the user's scope does not hold it).</summary>
public class CultivationDetailsHandler(PortalDbContext db) : IUseCase
{
    public async Task<CultivationDetailsPage?> HandleAsync(Guid id, CancellationToken ct) =>
        await db.CultivationEntries.AsNoTracking().Include(e => e.Notes).SingleOrDefaultAsync(e => e.Id == id, ct) is { } entry
            ? new CultivationDetailsPage(entry)
            : null;
}
