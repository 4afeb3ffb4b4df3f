using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.CodeTables;
using AnqingTechTransfer.Domain.Experts;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Administration.CodeTables;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Experts.Pool;

/// <summary>
/// An expert applies for themself, or the bureau, a county or a park recommends one. The numbers are SM4-encrypted and
/// matched by their keyed hash: the same person (ID number or mobile) cannot be entered twice.
/// </summary>
public sealed class ApplyExpertHandler(PortalDbContext db, ICurrentActor actor, PersonalDataProtector ids, CodeTableLookupHandler codes, TimeProvider clock)
    : IUseCase
{
    public async Task<ExpertForm> NewAsync(CancellationToken ct) => await WithChoicesAsync(new ExpertForm(), ct);

    public async Task<ExpertForm> WithChoicesAsync(ExpertForm form, CancellationToken ct)
    {
        form.Choices = new ExpertFormChoices(await codes.ActiveAsync(CodeTableCatalog.TechnicalField, ct));
        return form;
    }

    /// <summary><paramref name="formValid"/> is the binder's verdict; the new expert's id, or the errors to show with the form.</summary>
    public async Task<Outcome<Guid>> HandleAsync(ExpertForm form, bool formValid, bool selfApplication, CancellationToken ct)
    {
        form.Normalize();
        var userId = actor.UserId;
        var errors = new List<FieldError>();
        if (selfApplication && await db.Experts.AnyAsync(e => e.UserId == userId, ct))
        {
            errors.Add(new FieldError(string.Empty, "您已提交过入库申请"));
        }

        if (form.IdNumber.Length > 0 && !PersonalIds.IsValidIdNumber(form.IdNumber))
        {
            errors.Add(new FieldError(nameof(form.IdNumber), "身份证号不正确（18位，末位校验码）"));
        }

        if (form.Mobile.Length > 0 && !PersonalIds.IsValidMobile(form.Mobile))
        {
            errors.Add(new FieldError(nameof(form.Mobile), "手机号应为11位手机号码"));
        }

        errors.AddRange(ExpertFormChecks.BankAccount(form));
        if (!formValid || errors.Count > 0)
        {
            return await FailedAsync(form, errors, ct);
        }

        var built = await FieldErrors.TryAsync(async () =>
        {
            var idNumber = await ids.ProtectAsync(form.IdNumber, ct);
            var mobile = await ids.ProtectAsync(form.Mobile, ct);
            var expert = Expert.Apply(selfApplication ? userId : null, form.Name, idNumber, mobile, form.Profile(), selfApplication ? null : actor.OrganizationId, clock.GetUtcNow());
            expert.Update(expert.Profile, await form.ParseRelationsAsync(id => ids.KeyOfAsync(id, ct), []), form.ParseBlackouts());
            expert.SetBankAccount(form.BankName, form.BankAccount is { Length: > 0 } account ? ids.Protect(account) : null);
            return expert;
        });
        if (built.Value is not { } expert)
        {
            return await FailedAsync(form, built.Errors, ct);
        }

        // Within what this user can see; the unique indexes catch the rest (another county's recommendation).
        if (await db.Experts.AnyAsync(e => e.IdNumberKey == expert.IdNumberKey, ct))
        {
            errors.Add(new FieldError(nameof(form.IdNumber), "该身份证号已在专家库中，同一人只能有一条专家记录"));
        }

        if (await db.Experts.AnyAsync(e => e.MobileKey == expert.MobileKey, ct))
        {
            errors.Add(new FieldError(nameof(form.Mobile), "该手机号已在专家库中，同一人只能有一条专家记录"));
        }

        if (errors.Count > 0)
        {
            return await FailedAsync(form, errors, ct);
        }

        db.Experts.Add(expert);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            return await FailedAsync(form, [new FieldError(nameof(form.IdNumber), "该身份证号或手机号已在专家库中，同一人只能有一条专家记录")], ct);
        }

        return Outcome<Guid>.Ok(expert.Id);
    }

    private async Task<Outcome<Guid>> FailedAsync(ExpertForm form, IReadOnlyList<FieldError> errors, CancellationToken ct)
    {
        await WithChoicesAsync(form, ct);
        return Outcome<Guid>.Failed(errors);
    }
}
