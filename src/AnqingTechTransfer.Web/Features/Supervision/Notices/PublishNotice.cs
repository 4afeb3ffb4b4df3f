using System.ComponentModel.DataAnnotations;
using AnqingTechTransfer.Domain.Files;
using AnqingTechTransfer.Domain.Notices;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Attachments;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;

namespace AnqingTechTransfer.Web.Features.Supervision.Notices;

public class NoticeForm
{
    [Display(Name = "类别")] public NoticeKind Kind { get; set; } = NoticeKind.Notice;
    [Display(Name = "标题")] public string? Title { get; set; }
    [Display(Name = "正文")] public string? Body { get; set; }
    [Display(Name = "公示开始日期")] public DateOnly? StartsOn { get; set; }
    [Display(Name = "公示期（工作日）")] public int WorkingDays { get; set; } = 5;
    [Display(Name = "附件（PDF、Word、Excel，可选）")] public IFormFile? File { get; set; }
}

/// <summary>
/// The bureau publishes a notice, or a publicity open for a number of working days (its end by the working calendar), with an
/// optional attachment. A refused file or a broken rule comes back next to its field, with what was typed.
/// </summary>
public class PublishNoticeHandler(PortalDbContext db, ICurrentActor actor, AttachmentUploader uploader, Contracts.ContractCalendarHandler calendars,
    TimeProvider clock) : IUseCase
{
    private static readonly FileKind[] Documents = [FileKind.Pdf, FileKind.Docx, FileKind.Xlsx, FileKind.Jpeg, FileKind.Png];

    public NoticeForm New() => new() { StartsOn = Display.Today(clock) };

    public async Task<Outcome<Guid>> HandleAsync(NoticeForm form, bool formValid, CancellationToken ct)
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
            var notice = Notice.Publish(form.Kind, form.Title ?? string.Empty, form.Body ?? string.Empty, Display.Today(clock), form.StartsOn, form.WorkingDays, calendar,
                actor.OrganizationId, clock.GetUtcNow());
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
