using System.Linq.Expressions;
using AnqingTechTransfer.Domain.CodeTables;
using AnqingTechTransfer.Domain.Enterprises;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Administration.CodeTables;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Enterprises.Qualifications;

/// <summary>
/// An enterprise enters one of its qualifications (a high-tech certificate, a tech-SME number, a 专精特新 recognition):
/// one flow for the three kinds. The enterprise is the user's own organization; a qualification it already entered is
/// refused next to the field; the record waits for its county, park or the bureau; the answer is the message to show.
/// </summary>
public class EnterQualificationHandler(PortalDbContext db, ICurrentActor actor, CodeTableLookupHandler codes, TimeProvider clock) : IUseCase
{
    private const string Waiting = "已提交，待所在县（市、区）、园区或市科技局确认后计入统计。";

    /// <summary>The empty high-tech form, with the fields to choose from.</summary>
    public async Task<HighTechForm> NewHighTechAsync(CancellationToken ct) => new() { Fields = await ActiveFieldsAsync(ct) };

    /// <summary>
    /// A high-tech certificate: the technical field must be an active one (checked even when the binder found other
    /// errors, so that all are shown at once); the number is stored in upper case.
    /// </summary>
    public async Task<Outcome<string>> HighTechAsync(HighTechForm form, bool formValid, CancellationToken ct)
    {
        // Model binding turns empty fields into null, whatever the property's initial value.
        form.Number ??= string.Empty;
        form.FieldCode ??= string.Empty;
        List<FieldError> errors = [];
        if (form.FieldCode.Length > 0 && !await codes.IsActiveAsync(CodeTableCatalog.HnteField, form.FieldCode, ct))
        {
            errors.Add(new FieldError(nameof(form.FieldCode), "请从列表中选择"));
        }

        var number = form.Number.Trim().ToUpperInvariant();
        var outcome = await EnterAsync(db.HighTechRecords, formValid && errors.Count == 0, errors,
            own => r => r.CreditCode == own.CreditCode && r.Number == number, new FieldError(nameof(form.Number), "该证书已登记"),
            own => Outcome<HighTechRecord>.Ok(HighTechRecord.Create(own.CreditCode, own.Name, own.RegionCode, own.Id, number, form.IssuedOn!.Value, form.Mode,
                form.FieldCode, QualificationSource.Entered, clock.GetUtcNow())),
            record => record.Warning is null ? Waiting : $"已提交，待确认后计入统计。提示：{record.Warning}", ct);
        if (!outcome.Succeeded || !formValid)
        {
            form.Fields = await ActiveFieldsAsync(ct);
        }

        return outcome;
    }

    public Task<Outcome<string>> TechSmeAsync(TechSmeForm form, bool formValid, CancellationToken ct)
    {
        form.Number ??= string.Empty;
        return EnterAsync(db.TechSmeRecords, formValid, [],
            own => r => r.CreditCode == own.CreditCode && r.Year == form.Year, new FieldError(nameof(form.Year), "该年度的入库登记已登记"),
            own => FieldErrors.Try(() => TechSmeRecord.Create(own.CreditCode, own.Name, own.RegionCode, own.Id, form.Year!.Value, form.Number,
                QualificationSource.Entered, clock.GetUtcNow())),
            record => record.Warning is null ? Waiting : $"已提交，待确认后计入统计。提示：{record.Warning}", ct);
    }

    public Task<Outcome<string>> SpecializedAsync(SpecializedForm form, bool formValid, CancellationToken ct) =>
        EnterAsync(db.SpecializedRecords, formValid, [],
            own => r => r.CreditCode == own.CreditCode && r.Level == form.Level && r.Year == form.Year, new FieldError(nameof(form.Year), "该级别、该年度的认定已登记"),
            own => FieldErrors.Try(() => SpecializedRecord.Create(own.CreditCode, own.Name, own.RegionCode, own.Id, form.Level!.Value, form.Year!.Value,
                QualificationSource.Entered, clock.GetUtcNow())),
            _ => "已提交，待所在县（市、区）、园区或市科技局确认。", ct);

    /// <summary>
    /// The flow of the three kinds: the own organization; the duplicate check (only on an otherwise valid form); the
    /// record, created by the domain; saved. A form the binder refused comes back with whatever this found besides.
    /// </summary>
    private async Task<Outcome<string>> EnterAsync<T>(DbSet<T> set, bool valid, List<FieldError> errors, Func<Organization, Expression<Func<T, bool>>> same,
        FieldError duplicate, Func<Organization, Outcome<T>> create, Func<T, string> done, CancellationToken ct)
        where T : QualificationRecord
    {
        var own = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == actor.OrganizationId, ct);
        if (valid && await set.AnyAsync(same(own), ct))
        {
            errors.Add(duplicate);
        }

        if (!valid || errors.Count > 0)
        {
            return Outcome<string>.Failed(errors);
        }

        var record = create(own);
        if (!record.Succeeded)
        {
            return Outcome<string>.Failed(record.Errors);
        }

        set.Add(record.Value!);
        await db.SaveChangesAsync(ct);
        return Outcome<string>.Ok(done(record.Value!));
    }

    private Task<IReadOnlyList<CodeOption>> ActiveFieldsAsync(CancellationToken ct) => codes.ActiveAsync(CodeTableCatalog.HnteField, ct);
}
