using AnqingTechTransfer.Domain.Files;
using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Attachments;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Projects.Calls;

/// <summary>
/// A call's text and guide document: the bureau writes the title and the body (正文) and uploads the guide (指南文件, PDF or
/// Word) while the call is a draft; once published, anyone (signed in or not) reads the body and downloads the guide, and
/// before that nobody but the bureau (404). A broken rule comes back next to its field; a refused file as a message.
/// </summary>
public class CallTextHandler(PortalDbContext db, AttachmentUploader uploader, IAttachmentStore store, ICurrentActor actor, TimeProvider clock) : IUseCase
{
    private static readonly FileKind[] GuideKinds = [FileKind.Pdf, FileKind.Docx];

    public async Task<RecordResult<CallPage>> EditAsync(Guid id, CallForm form, bool formValid, bool managesPlan, CancellationToken ct)
    {
        var call = await db.ProjectCalls.Include(c => c.Programmes).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (call is null)
        {
            return RecordResult<CallPage>.NotFound;
        }

        if (!managesPlan)
        {
            return RecordResult<CallPage>.Forbidden;
        }

        form.Title ??= string.Empty;
        form.Year = call.Year;
        var page = new CallPage(call, ProgrammeForm.Fresh(clock.GetUtcNow()), form);
        if (!formValid)
        {
            return RecordResult<CallPage>.Invalid([], page);
        }

        var edited = FieldErrors.Try(() =>
        {
            call.EditText(form.Title, form.Body ?? string.Empty);
            return true;
        });
        if (!edited.Succeeded)
        {
            return RecordResult<CallPage>.Invalid(edited.Errors, page);
        }

        await db.SaveChangesAsync(ct);
        return RecordResult<CallPage>.Done(page);
    }

    /// <summary>The guide document (PDF or Word) of a draft call; a second upload replaces the first.</summary>
    public async Task<RecordResult<string>> UploadGuideAsync(Guid id, IFormFile? file, bool managesPlan, CancellationToken ct)
    {
        var call = await db.ProjectCalls.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (call is null)
        {
            return RecordResult<string>.NotFound;
        }

        if (!managesPlan)
        {
            return RecordResult<string>.Forbidden;
        }

        if (file is null)
        {
            return RecordResult<string>.Invalid([], "请选择指南文件（PDF或Word）。");
        }

        var check = await uploader.CheckAsync(file, GuideKinds, ct);
        if (check.Error is not null)
        {
            return RecordResult<string>.Invalid([], check.Error);
        }

        var name = Path.GetFileName(file.FileName);
        var attachment = await uploader.AddAsync(CallGuideOwner.Type, call.Id, actor.OrganizationId, actor.RegionCode, name, check, ct, "指南文件");
        var attached = FieldErrors.Try(() =>
        {
            call.AttachGuide(new CallGuide(attachment.Id, name, check.Kind));
            return true;
        });
        if (!attached.Succeeded)
        {
            return RecordResult<string>.Invalid([], attached.Errors[0].Message);
        }

        await db.SaveChangesAsync(ct);
        return RecordResult<string>.Done($"已上传指南文件“{name}”。");
    }

    /// <summary>The guide of a published call for anyone; of a draft only for the bureau; null (404) otherwise.</summary>
    public async Task<AttachmentDownload?> GuideAsync(Guid id, bool managesPlan, CancellationToken ct)
    {
        var guide = await db.ProjectCalls.AsNoTracking().Where(c => c.Id == id && (c.Status != CallStatus.Draft || managesPlan)).Select(c => c.Guide)
            .SingleOrDefaultAsync(ct);
        if (guide is null || await store.ReadAsync(guide.AttachmentId, ct) is not { } bytes)
        {
            return null;
        }

        return new AttachmentDownload(bytes, guide.FileName, FileSignature.ContentType(guide.Kind));
    }
}

/// <summary>Signed-in users reach a call's guide through /attachments too: anyone once the call is published, the bureau before.</summary>
public class CallGuideOwner(PortalDbContext db, ProjectPermissions permissions) : IAttachmentOwner
{
    public const string Type = "ProjectCall";

    public string OwnerType => Type;

    public Task<bool> CanSeeAsync(Guid ownerId, CancellationToken ct)
    {
        var bureau = permissions.ManagesPlan;
        return db.ProjectCalls.AnyAsync(c => c.Id == ownerId && (c.Status != CallStatus.Draft || bureau), ct);
    }
}
