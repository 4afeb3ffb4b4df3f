using AnqingTechTransfer.Domain.CodeTables;
using AnqingTechTransfer.Domain.Experts;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Administration.CodeTables;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Experts.Pool;

/// <summary>
/// The bureau, or the expert while not removed, edits the profile, the declared relations, the blackout dates and the bank
/// account. Identity is not edited here: a changed ID number is a new person. The version posted guards against a
/// concurrent edit.
/// </summary>
public sealed class EditExpertHandler(PortalDbContext db, ExpertPermissions permissions, PersonalDataProtector ids, CodeTableLookupHandler codes,
    Panels.PanelRecheckHandler recheck) : IUseCase
{
    public async Task<RecordResult<ExpertForm>> FormAsync(Guid id, CancellationToken ct)
    {
        var expert = await db.Experts.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, ct);
        if (expert is null)
        {
            return RecordResult<ExpertForm>.NotFound;
        }

        if (!permissions.Allows(ExpertPermissions.Edit, expert))
        {
            return RecordResult<ExpertForm>.Forbidden;
        }

        var p = expert.Profile;
        var form = new ExpertForm
        {
            Name = expert.Name, IdNumber = expert.IdNumberMasked, Mobile = expert.MobileMasked, BankName = expert.BankName, EmployerName = p.EmployerName, EmployerCreditCode = p.EmployerCreditCode,
            Title = p.Title, Degree = p.Degree, FieldCodes = p.FieldCodes.ToList(), Keywords = p.Keywords,
            Types = Enum.GetValues<ExpertTypes>().Where(t => t != ExpertTypes.None && p.Types.HasFlag(t)).ToList(), IsLocal = p.IsLocal,
            Relations = ExpertForm.FormatRelations(expert.Relations), Blackouts = ExpertForm.FormatBlackouts(expert.Blackouts), Version = expert.Version,
        };
        return RecordResult<ExpertForm>.Done(await WithChoicesAsync(form, expert, ct));
    }

    /// <summary>
    /// Found first, then the right, then the form: <paramref name="formValid"/> is the binder's verdict on everything but
    /// the name and numbers, which come from the record.
    /// </summary>
    public async Task<RecordResult<Guid>> HandleAsync(Guid id, ExpertForm form, bool formValid, CancellationToken ct)
    {
        var expert = await db.Experts.SingleOrDefaultAsync(e => e.Id == id, ct);
        if (expert is null)
        {
            return RecordResult<Guid>.NotFound;
        }

        if (!permissions.Allows(ExpertPermissions.Edit, expert))
        {
            return RecordResult<Guid>.Forbidden;
        }

        form.Normalize();
        (form.Name, form.IdNumber, form.Mobile) = (expert.Name, expert.IdNumberMasked, expert.MobileMasked);
        await WithChoicesAsync(form, expert, ct);
        var errors = ExpertFormChecks.BankAccount(form).ToList();
        if (!formValid || errors.Count > 0)
        {
            return RecordResult<Guid>.Invalid(errors);
        }

        db.Entry(expert).Property(e => e.Version).OriginalValue = form.Version ?? 0;
        var updated = await FieldErrors.TryAsync(async () =>
        {
            expert.Update(form.Profile(), await form.ParseRelationsAsync(n => ids.KeyOfAsync(n, ct), expert.Relations), form.ParseBlackouts());
            expert.SetBankAccount(form.BankName, form.BankAccount is { Length: > 0 } account ? ids.Protect(account) : null);
            return id;
        });
        if (!updated.Succeeded)
        {
            return RecordResult<Guid>.Invalid(updated.Errors);
        }

        await db.SaveChangesAsync(ct);
        // A relation or an employer declared now may conflict with a panel the expert already sits on (事后回避).
        await recheck.AfterExpertChangedAsync(id, ct);
        return RecordResult<Guid>.Done(id);
    }

    private async Task<ExpertForm> WithChoicesAsync(ExpertForm form, Expert expert, CancellationToken ct)
    {
        form.Choices = new ExpertFormChoices(await codes.ActiveAsync(CodeTableCatalog.TechnicalField, ct), expert.BankAccountMasked, expert.Id);
        return form;
    }
}
