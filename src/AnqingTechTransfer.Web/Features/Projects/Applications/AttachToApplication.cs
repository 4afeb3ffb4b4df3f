using AnqingTechTransfer.Domain.Files;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Attachments;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Projects.Applications;

/// <summary>
/// What an upload ended in: done (its message), refused with the draft saved (<see cref="Refused"/>, a flash), or the form
/// to show again when the typed draft itself had errors (<see cref="Page"/>; nothing saved, nothing uploaded).
/// </summary>
public sealed record UploadAnswer(string Message, ApplicationView? Page);

/// <summary>
/// 保存并上传: the file inputs live in the application form, so an upload posts what was typed too; the draft is saved
/// first (same rules as 保存草稿) and the file added in the same unit of work, so nothing typed is lost. A document of a
/// kind the programme requires (or other material); a missing kind or file, or a file that is not what it claims, is
/// refused with a message after the draft is saved.
/// </summary>
public class AttachToApplicationHandler(PortalDbContext db, ProjectPermissions permissions, AttachmentUploader uploader, SaveApplicationHandler save,
    ApplicationDetailsHandler details) : IUseCase
{
    private static readonly FileKind[] Documents = [FileKind.Pdf, FileKind.Jpeg, FileKind.Png];

    public async Task<RecordResult<UploadAnswer>> HandleAsync(Guid id, string? kind, IFormFile? file, ApplicationForm form, bool formValid, CancellationToken ct)
    {
        var application = await db.ProjectApplications.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (application is null)
        {
            return RecordResult<UploadAnswer>.NotFound;
        }

        if (!permissions.Allows(ProjectPermissions.Edit, application))
        {
            return RecordResult<UploadAnswer>.Forbidden;
        }

        // The typed draft first: posted with the file (the form's Version marks it), it is saved with the upload.
        var withDraft = form.Version is not null;
        if (withDraft && await save.ApplyAsync(application, form, formValid, ct) is { } errors)
        {
            return RecordResult<UploadAnswer>.Invalid([new FieldError(string.Empty, "附件未上传：请先改正下列内容，再保存并上传。"), .. errors],
                new UploadAnswer(string.Empty, await details.HandleAsync(id, form, ct)));
        }

        var programme = await db.Programmes.AsNoTracking().SingleAsync(p => p.Id == application.ProgrammeId, ct);
        var refusal = kind is null || !(programme.Terms.RequiredAttachments.Contains(kind) || kind == ApplicationForm.OtherAttachmentKind) || file is null
            ? "请选择附件类别和文件。"
            : null;
        var check = refusal is null ? await uploader.CheckAsync(file!, Documents, ct) : null;
        refusal ??= check!.Error;
        if (refusal is not null)
        {
            if (withDraft)
            {
                await db.SaveChangesAsync(ct);
            }

            return RecordResult<UploadAnswer>.Invalid([], new UploadAnswer(withDraft ? $"草稿已保存；附件未上传：{refusal}" : refusal, null));
        }

        application.Attach(kind!);
        await uploader.AddAsync(ApplicationAttachmentOwner.Type, application.Id, application.OrganizationId, application.RegionCode, $"{kind}-{file!.FileName}", check!, ct);
        await db.SaveChangesAsync(ct);
        return RecordResult<UploadAnswer>.Done(new UploadAnswer(withDraft ? $"已保存草稿并上传{kind}。" : $"已上传{kind}。", null));
    }
}
