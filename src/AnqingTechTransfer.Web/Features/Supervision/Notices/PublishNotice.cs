using System.ComponentModel.DataAnnotations;
using AnqingTechTransfer.Domain.Files;
using AnqingTechTransfer.Domain.Notices;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Attachments;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Supervision.Notices;

public class NoticeForm
{
    [Display(Name = "类别")] public NoticeKind Kind { get; set; } = NoticeKind.Notice;
    [Display(Name = "标题")] public string? Title { get; set; }
    [Display(Name = "正文")] public string? Body { get; set; }
    [Display(Name = "公示开始日期")] public DateOnly? StartsOn { get; set; }
    [Display(Name = "公示期（工作日）")] public int WorkingDays { get; set; } = 5;
    [Display(Name = "附件（PDF、Word、Excel，可选）")] public IFormFile? File { get; set; }
    [Display(Name = "关联任务")] public Guid? MeasureId { get; set; }

    /// <summary>The measures this user may tag (all for the bureau, its own for a lead unit); filled by the handler, never bound.</summary>
    [BindNever] public IReadOnlyList<NoticeMeasure> Measures { get; set; } = [];

    /// <summary>The bureau may publish a 公示 and leave the measure empty; a lead unit publishes 通知公告 on one of its measures.</summary>
    [BindNever] public bool IsBureau { get; set; }
}

/// <summary>
/// The bureau publishes a notice, or a publicity open for a number of working days (its end by the working calendar), with an
/// optional attachment and optionally tagged with a plan measure; a lead unit publishes a 通知公告 tagged with one of the
/// measures it leads (another unit's measure is refused, 403; a user who leads none has no form). A refused file or a broken
/// rule comes back next to its field, with what was typed.
/// </summary>
public class PublishNoticeHandler(PortalDbContext db, ICurrentActor actor, NoticePermissions permissions, AttachmentUploader uploader,
    Contracts.ContractCalendarHandler calendars, TimeProvider clock) : IUseCase
{
    private static readonly FileKind[] Documents = [FileKind.Pdf, FileKind.Docx, FileKind.Xlsx, FileKind.Jpeg, FileKind.Png];

    /// <summary>The empty form, or null when the user may not publish (not the bureau, and leads no measure of the open period).</summary>
    public async Task<NoticeForm?> NewAsync(CancellationToken ct)
    {
        var measures = await MeasuresAsync(ct);
        return permissions.Publishes || measures.Count > 0
            ? new NoticeForm { StartsOn = Display.Today(clock), Measures = measures, IsBureau = permissions.Publishes }
            : null;
    }

    /// <summary>The measures of the open period this user may tag, in the plan's order.</summary>
    private async Task<IReadOnlyList<NoticeMeasure>> MeasuresAsync(CancellationToken ct) =>
        permissions.Publishes || permissions.ActsAsLead
            ? (await db.PlanMeasures.AsNoTracking().Where(m => !m.PeriodClosed).OrderBy(m => m.Number).ToListAsync(ct))
                .Where(permissions.PublishesFor).Select(m => new NoticeMeasure(m.Id, NoticeLabels.Measure(m.Number, m.Title))).ToList()
            : [];

    public async Task<RecordResult<Guid>> HandleAsync(NoticeForm form, bool formValid, CancellationToken ct)
    {
        form.Measures = await MeasuresAsync(ct);
        form.IsBureau = permissions.Publishes;
        if (!permissions.Publishes && form.Measures.Count == 0)
        {
            return RecordResult<Guid>.Forbidden;
        }

        NoticeMeasure? tag = null;
        if (form.MeasureId is { } measureId)
        {
            var measure = await db.PlanMeasures.AsNoTracking().SingleOrDefaultAsync(m => m.Id == measureId, ct);
            if (measure is null)
            {
                return RecordResult<Guid>.Invalid([new FieldError(nameof(NoticeForm.MeasureId), "没有该任务，请重新选择")]);
            }

            if (!permissions.PublishesFor(measure))
            {
                return RecordResult<Guid>.Forbidden;
            }

            tag = new NoticeMeasure(measure.Id, NoticeLabels.Measure(measure.Number, measure.Title));
        }
        else if (!permissions.Publishes)
        {
            return RecordResult<Guid>.Invalid([new FieldError(nameof(NoticeForm.MeasureId), "请选择本单位牵头的任务")]);
        }

        if (!permissions.Publishes)
        {
            form.Kind = NoticeKind.Notice;
        }

        var outcome = await PublishAsync(form, formValid, tag, ct);
        return outcome.Succeeded ? RecordResult<Guid>.Done(outcome.Value) : RecordResult<Guid>.Invalid(outcome.Errors);
    }

    private async Task<Outcome<Guid>> PublishAsync(NoticeForm form, bool formValid, NoticeMeasure? tag, CancellationToken ct)
    {
        UploadCheck? check = null;
        if (form.File is { Length: > 0 } file)
        {
            check = await uploader.CheckAsync(file, Documents, ct);
            if (check.Error is { } error)
            {
                return Outcome<Guid>.Failed([new FieldError(nameof(NoticeForm.File), error)]);
            }
        }

        var calendar = await calendars.CalendarAsync(ct);
        if (!formValid)
        {
            return Outcome<Guid>.Failed([]);
        }

        var outcome = await FieldErrors.TryAsync(async () =>
        {
            var publisher = await db.Organizations.AsNoTracking().Where(o => o.Id == actor.OrganizationId).Select(o => o.Name).SingleOrDefaultAsync(ct) ?? string.Empty;
            var notice = Notice.Publish(form.Kind, form.Title ?? string.Empty, form.Body ?? string.Empty, Display.Today(clock), form.StartsOn, form.WorkingDays, calendar,
                actor.OrganizationId, clock.GetUtcNow(), publisher, tag);
            db.Notices.Add(notice);
            if (check is not null)
            {
                await uploader.AddAsync(NoticeFilesHandler.AttachmentOwnerType, notice.Id, actor.OrganizationId, actor.RegionCode, form.File!.FileName, check, ct);
            }

            return notice.Id;
        });
        if (outcome.Succeeded)
        {
            await db.SaveChangesAsync(ct);
        }

        return outcome;
    }
}
