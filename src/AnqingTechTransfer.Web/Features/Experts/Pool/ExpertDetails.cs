using AnqingTechTransfer.Domain.Audit;
using AnqingTechTransfer.Domain.CodeTables;
using AnqingTechTransfer.Domain.Experts;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Administration.CodeTables;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Experts.Pool;

/// <summary>An expert's page: the record (numbers masked unless revealed), who may manage it or unmask it, today, the field names.</summary>
/// <param name="CreditScore">the integrity score less what sanctions on this person in plan projects cost</param>
public sealed record ExpertDetailsPage(Expert Expert, bool IsBureau, bool CanReveal, PersonalInfo.Revealed? Revealed, DateOnly Today,
    IReadOnlyDictionary<string, string> Fields, int CreditScore);

/// <summary>
/// Shows an expert to the bureau, the expert and the recommending organization; <see cref="RevealAsync"/> unmasks the ID
/// number, mobile and bank account for the bureau and the expert (the bureau pays the review fees and calls the expert),
/// and every unmasking is an audit row. The recommending organization sees the masked numbers only.
/// </summary>
public sealed class ExpertDetailsHandler(PortalDbContext db, ExpertPermissions permissions, PersonalDataProtector ids, CodeTableLookupHandler codes,
    TimeProvider clock) : IUseCase
{
    public async Task<RecordResult<ExpertDetailsPage>> HandleAsync(Guid id, CancellationToken ct)
    {
        var expert = await LoadAsync(id, ct);
        if (expert is null)
        {
            return RecordResult<ExpertDetailsPage>.NotFound;
        }

        // Personal data is for the bureau, the expert, and the organization that recommended them; not for every city-wide reader.
        return permissions.Allows(ExpertPermissions.Read, expert)
            ? RecordResult<ExpertDetailsPage>.Done(await PageAsync(expert, null, ct))
            : RecordResult<ExpertDetailsPage>.Forbidden;
    }

    public async Task<RecordResult<ExpertDetailsPage>> RevealAsync(Guid id, CancellationToken ct)
    {
        var expert = await LoadAsync(id, ct);
        if (expert is null)
        {
            return RecordResult<ExpertDetailsPage>.NotFound;
        }

        if (!permissions.Allows(ExpertPermissions.Reveal, expert))
        {
            return RecordResult<ExpertDetailsPage>.Forbidden;
        }

        db.Audit(PersonalInfo.RevealAction, AuditOutcome.Success, nameof(Expert), expert.Id.ToString(), $"专家 {expert.Name}：身份证号、手机号、银行账号");
        await db.SaveChangesAsync(ct);
        var revealed = new PersonalInfo.Revealed(ids.Reveal(expert.IdNumberCipher), ids.Reveal(expert.MobileCipher), ids.Reveal(expert.BankAccountCipher));
        return RecordResult<ExpertDetailsPage>.Done(await PageAsync(expert, revealed, ct));
    }

    private Task<Expert?> LoadAsync(Guid id, CancellationToken ct) =>
        db.Experts.AsNoTracking().Include(e => e.Events).SingleOrDefaultAsync(e => e.Id == id, ct);

    private async Task<ExpertDetailsPage> PageAsync(Expert expert, PersonalInfo.Revealed? revealed, CancellationToken ct)
    {
        var today = Display.Today(clock);
        var penalty = (await db.PenaltiesAsync([expert.IdNumberKey], today, ct)).GetValueOrDefault(expert.IdNumberKey);
        return new(expert, permissions.ManagesPool, permissions.Allows(ExpertPermissions.Reveal, expert), revealed, today,
            await codes.NamesAsync(CodeTableCatalog.TechnicalField, ct), expert.CreditScore(today, penalty));
    }
}
