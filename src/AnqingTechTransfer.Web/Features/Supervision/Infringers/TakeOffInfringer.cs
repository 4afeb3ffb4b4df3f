using AnqingTechTransfer.Domain.Infringers;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Supervision.Infringers;

/// <summary>
/// The recording department takes an entry off the list (credit repaired, or removed), with its basis. A broken rule stays
/// the filter's flash message (no form to show again).
/// </summary>
public class TakeOffInfringerHandler(PortalDbContext db, TimeProvider clock) : IUseCase
{
    public async Task<RecordResult<InfringerEntry>> HandleAsync(Guid id, InfringerListing outcome, string? reason, uint version, bool records, CancellationToken ct) =>
        await db.StepAsync(await db.InfringerEntries.SingleOrDefaultAsync(e => e.Id == id, ct), _ => records, version,
            e => e.TakeOff(outcome, reason ?? string.Empty, Display.Today(clock)), ct);
}
