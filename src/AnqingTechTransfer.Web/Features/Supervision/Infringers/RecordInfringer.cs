using System.ComponentModel.DataAnnotations;
using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Infringers;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;

namespace AnqingTechTransfer.Web.Features.Supervision.Infringers;

public class InfringerForm
{
    [Display(Name = "企业名称")]
    public string? EnterpriseName { get; set; }
    [Display(Name = "统一社会信用代码")]
    public string? CreditCode { get; set; }
    [Display(Name = "侵权类型")]
    public InfringementKind Kind { get; set; } = InfringementKind.Repeat;
    [Display(Name = "知识产权类型")]
    public InfringedRight Right { get; set; } = InfringedRight.Patent;
    [Display(Name = "决定书或判决书文号")]
    public string? DecisionNumber { get; set; }
    [Display(Name = "作出决定的机关")]
    public string? Authority { get; set; }
    [Display(Name = "决定日期")]
    public DateOnly? DecidedOn { get; set; }
    [Display(Name = "公布起始日")]
    public DateOnly? PublishFrom { get; set; }
    [Display(Name = "公布截止日")]
    public DateOnly? PublishUntil { get; set; }
}

/// <summary>
/// The recording department lists an enterprise, with the decision and its publication period (three years by default). A
/// broken rule comes back next to its field, with what was typed.
/// </summary>
public class RecordInfringerHandler(PortalDbContext db, ICurrentActor actor, TimeProvider clock) : IUseCase
{
    public InfringerForm New()
    {
        var today = Display.Today(clock);
        return new InfringerForm { DecidedOn = today, PublishFrom = today, PublishUntil = today.AddYears(3) };
    }

    public async Task<Outcome<Guid>> HandleAsync(InfringerForm form, bool formValid, CancellationToken ct)
    {
        if (!formValid)
        {
            return Outcome<Guid>.Failed([]);
        }

        var outcome = FieldErrors.Try(() =>
        {
            var entry = InfringerEntry.Record(form.EnterpriseName ?? string.Empty, form.CreditCode ?? string.Empty, form.Kind, form.Right, form.DecisionNumber ?? string.Empty,
                form.Authority ?? string.Empty, form.DecidedOn ?? throw new DomainException("请填写决定日期", nameof(InfringerEntry.DecidedOn)),
                form.PublishFrom ?? throw new DomainException("请填写公布起始日", nameof(InfringerEntry.PublishFrom)),
                form.PublishUntil ?? throw new DomainException("请填写公布截止日", nameof(InfringerEntry.PublishUntil)), actor.OrganizationId, clock.GetUtcNow());
            db.InfringerEntries.Add(entry);
            return entry.Id;
        });
        if (outcome.Succeeded)
        {
            await db.SaveChangesAsync(ct);
        }

        return outcome;
    }
}
