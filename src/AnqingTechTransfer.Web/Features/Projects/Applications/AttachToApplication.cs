using AnqingTechTransfer.Domain.Files;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Attachments;
using AnqingTechTransfer.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Projects.Applications;

/// <summary>
/// 上传附件: a document of a kind the programme requires (or other material) on the applicant's own application. A missing
/// kind or file, or a file that is not what it claims, is refused with a message (the value of an Invalid result).
/// </summary>
public class AttachToApplicationHandler(PortalDbContext db, ProjectPermissions permissions, AttachmentUploader uploader) : IUseCase
{
    private static readonly FileKind[] Documents = [FileKind.Pdf, FileKind.Jpeg, FileKind.Png];

    public async Task<RecordResult<string>> HandleAsync(Guid id, string? kind, IFormFile? file, CancellationToken ct)
    {
        var application = await db.ProjectApplications.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (application is null)
        {
            return RecordResult<string>.NotFound;
        }

        if (!permissions.Allows(ProjectPermissions.Edit, application))
        {
            return RecordResult<string>.Forbidden;
        }

        var programme = await db.Programmes.AsNoTracking().SingleAsync(p => p.Id == application.ProgrammeId, ct);
        if (kind is null || !(programme.Terms.RequiredAttachments.Contains(kind) || kind == ApplicationForm.OtherAttachmentKind) || file is null)
        {
            return RecordResult<string>.Invalid([], "请选择附件类别和文件。");
        }

        var check = await uploader.CheckAsync(file, Documents, ct);
        if (check.Error is not null)
        {
            return RecordResult<string>.Invalid([], check.Error);
        }

        application.Attach(kind);
        await uploader.AddAsync(ApplicationAttachmentOwner.Type, application.Id, application.OrganizationId, application.RegionCode, $"{kind}-{file.FileName}", check, ct);
        await db.SaveChangesAsync(ct);
        return RecordResult<string>.Done($"已上传{kind}。");
    }
}
