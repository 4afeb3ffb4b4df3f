using AnqingTechTransfer.Domain.Experts;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Experts.Panels;

/// <summary>
/// The bureau opens a review: the subject (applicant, partners, team by keyed ID hash, requested avoidances), the rubric,
/// the aggregation and the review date. A broken rule comes back as the form's message next to its field.
/// </summary>
public sealed class NewPanelHandler(PortalDbContext db, ICurrentActor actor, PersonalDataProtector ids, TimeProvider clock) : IUseCase
{
    public PanelForm New() => new() { ReviewDate = Display.Today(clock).AddDays(14) };

    /// <summary><paramref name="formValid"/> is the binder's verdict; the new panel's id, or the errors to show with the form.</summary>
    public async Task<Outcome<Guid>> HandleAsync(PanelForm form, bool formValid, CancellationToken ct)
    {
        form.Title ??= string.Empty;
        form.ApplicantName ??= string.Empty;
        form.ApplicantCreditCode = (form.ApplicantCreditCode ?? string.Empty).Trim().ToUpperInvariant();
        form.Rubric ??= string.Empty;
        if (form.ApplicantCreditCode.Length > 0 && CreditCode.Check(form.ApplicantCreditCode) == CreditCodeVerdict.InvalidFormat)
        {
            return Outcome<Guid>.Failed([new FieldError(nameof(form.ApplicantCreditCode), "统一社会信用代码格式不正确")]);
        }

        if (!formValid)
        {
            return Outcome<Guid>.Failed([]);
        }

        return await FieldErrors.TryAsync(async () =>
        {
            var subject = new ReviewSubject(form.ApplicantName.Trim(), form.ApplicantCreditCode, form.PartnerCodes(), await form.TeamAsync(id => ids.KeyOfAsync(id, ct)),
                form.AvoidRequests());
            var applicant = await db.Organizations.AsNoTracking().Where(o => o.CreditCode == form.ApplicantCreditCode).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct);
            var panel = ReviewPanel.Create(form.Title, PanelForm.Kinds.Contains(form.SubjectKind) ? form.SubjectKind : "其他", subject, applicant, form.RubricItems(),
                form.Aggregation, form.ChiefWeight, form.ReviewDate!.Value, actor.UserId, clock.GetUtcNow());
            db.ReviewPanels.Add(panel);
            await db.SaveChangesAsync(ct);
            return panel.Id;
        });
    }
}
