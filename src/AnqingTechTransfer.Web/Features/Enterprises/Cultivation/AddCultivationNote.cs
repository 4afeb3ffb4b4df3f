using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Enterprises.Cultivation;

/// <summary>
/// A follow-up note (a visit, coaching, a policy briefing) on an entry, signed by the user. A refused note comes back on
/// the entry's page, next to the text field, with the text as written.
/// </summary>
public class AddCultivationNoteHandler(PortalDbContext db, ICurrentActor actor, TimeProvider clock) : IUseCase
{
    public const string Field = "text";

    public async Task<RecordResult<CultivationDetailsPage>> HandleAsync(Guid id, string? text, bool mayCultivate, CancellationToken ct)
    {
        var entry = await db.CultivationEntries.Include(e => e.Notes).SingleOrDefaultAsync(e => e.Id == id, ct);
        if (entry is null)
        {
            return RecordResult<CultivationDetailsPage>.NotFound;
        }

        if (!mayCultivate)
        {
            return RecordResult<CultivationDetailsPage>.Forbidden;
        }

        var note = FieldErrors.Try(() => entry.AddNote(text ?? string.Empty, actor.DisplayName, clock.GetUtcNow()));
        if (!note.Succeeded)
        {
            return RecordResult<CultivationDetailsPage>.Invalid([.. note.Errors.Select(e => new FieldError(Field, e.Message))], new CultivationDetailsPage(entry, text));
        }

        db.Add(note.Value!);
        await db.SaveChangesAsync(ct);
        return RecordResult<CultivationDetailsPage>.Done(new CultivationDetailsPage(entry));
    }
}
