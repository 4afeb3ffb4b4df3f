using System.ComponentModel.DataAnnotations;
using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Files;
using AnqingTechTransfer.Domain.Notices;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Attachments;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Infrastructure;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace AnqingTechTransfer.Web.Features.Notices;

public class NoticeForm
{
    [Display(Name = "类别")] public NoticeKind Kind { get; set; } = NoticeKind.Notice;
    [Display(Name = "标题")] public string? Title { get; set; }
    [Display(Name = "正文")] public string? Body { get; set; }
    [Display(Name = "公示开始日期")] public DateOnly? StartsOn { get; set; }
    [Display(Name = "公示期（工作日）")] public int WorkingDays { get; set; } = 5;
    [Display(Name = "附件（PDF、Word、Excel，可选）")] public IFormFile? File { get; set; }
}

public sealed record NoticeListView(PagedList<Notice> Notices, NoticeKind? Kind, bool IsBureau, DateOnly Today);

public sealed record NoticeView(Notice Notice, IReadOnlyList<Attachment> Files, bool IsBureau, DateOnly Today);

/// <summary>
/// 通知公告 and 公示: the bureau publishes notices with attachments and publicity notices open for a number of working days
/// with an objection form; the public reads them (the home page shows the latest) and objects within the window.
/// </summary>
[Route("notices")]
public class NoticesController(PortalDbContext db, ICurrentActor actor, NoticePermissions permissions, AttachmentUploader uploader, IAttachmentStore store,
    Contracts.ContractCalendarHandler calendars, TimeProvider clock) : Controller
{
    public const string AttachmentOwnerType = "Notice";
    private static readonly FileKind[] Documents = [FileKind.Pdf, FileKind.Docx, FileKind.Xlsx, FileKind.Jpeg, FileKind.Png];

    /// <summary>The latest published notices, for the home page.</summary>
    public static Task<List<Notice>> LatestAsync(PortalDbContext db, int count, CancellationToken ct) =>
        db.Notices.AsNoTracking().Where(n => !n.IsWithdrawn).OrderByDescending(n => n.PublishedOn).ThenByDescending(n => n.CreatedAt).Take(count).ToListAsync(ct);

    [AllowAnonymous]
    [HttpGet("")]
    public async Task<IActionResult> Index(NoticeKind? kind, int page = 1, CancellationToken ct = default)
    {
        // Withdrawn notices are off the public list; the bureau sees them marked.
        var publishes = permissions.Publishes;
        var query = db.Notices.AsNoTracking().Where(n => !n.IsWithdrawn || publishes);
        query = kind is { } k ? query.Where(n => n.Kind == k) : query;
        var notices = await query.OrderByDescending(n => n.PublishedOn).ThenByDescending(n => n.CreatedAt).ThenBy(n => n.Id).ToPagedListAsync(page, ct: ct);
        return View(new NoticeListView(notices, kind, publishes, Display.Today(clock)));
    }

    [AllowAnonymous]
    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Details(Guid id, CancellationToken ct)
    {
        var publishes = permissions.Publishes;
        var notice = await db.Notices.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id && (!n.IsWithdrawn || publishes), ct);
        if (notice is null)
        {
            return NotFound();
        }

        return View(new NoticeView(notice, await FilesAsync(id, ct), publishes, Display.Today(clock)));
    }

    /// <summary>A published notice's files are public, like the notice.</summary>
    [AllowAnonymous]
    [HttpGet("{id:guid}/files/{fileId:guid}")]
    public async Task<IActionResult> File(Guid id, Guid fileId, CancellationToken ct)
    {
        if (!await db.Notices.AsNoTracking().AnyAsync(n => n.Id == id && !n.IsWithdrawn, ct))
        {
            return NotFound();
        }

        var file = (await FilesAsync(id, ct)).FirstOrDefault(f => f.Id == fileId);
        var bytes = file is null ? null : await store.ReadAsync(file.Id, ct);
        if (file is null || bytes is null)
        {
            return NotFound();
        }

        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(file.FileName);
        Response.Headers.ContentDisposition = disposition.ToString();
        return File(bytes, FileSignature.ContentType(file.Kind));
    }

    [Authorize(Roles = PortalRoles.Bureau)]
    [HttpGet("new")]
    public IActionResult New() => permissions.Publishes ? View(new NoticeForm { StartsOn = Display.Today(clock) }) : Forbid();

    [Authorize(Roles = PortalRoles.Bureau)]
    [HttpPost("new")]
    [RequestSizeLimit(25L * 1024 * 1024)]
    public async Task<IActionResult> New(NoticeForm form, CancellationToken ct)
    {
        if (!permissions.Publishes)
        {
            return Forbid();
        }

        UploadCheck? check = null;
        if (form.File is { Length: > 0 } file)
        {
            check = await uploader.CheckAsync(file, Documents, ct);
            if (check.Error is { } error)
            {
                ModelState.AddModelError(nameof(NoticeForm.File), error);
            }
        }

        var calendar = await calendars.CalendarAsync(ct);
        return await this.CreateAsync(db, form, async () =>
        {
            var notice = Notice.Publish(form.Kind, form.Title ?? string.Empty, form.Body ?? string.Empty, Display.Today(clock), form.StartsOn, form.WorkingDays, calendar,
                actor.OrganizationId, clock.GetUtcNow());
            db.Notices.Add(notice);
            if (check is not null)
            {
                await uploader.AddAsync(AttachmentOwnerType, notice.Id, actor.OrganizationId, actor.RegionCode, form.File!.FileName, check, ct);
            }

            return $"/notices/{notice.Id}";
        }, form.Kind == NoticeKind.Publicity ? "公示已发布。" : "通知已发布。", ct);
    }

    [Authorize(Roles = PortalRoles.Bureau)]
    [HttpPost("{id:guid}/withdraw")]
    public async Task<IActionResult> Withdraw(Guid id, uint version, string? reason, CancellationToken ct) =>
        await this.RunAsync(db, await db.Notices.SingleOrDefaultAsync(n => n.Id == id, ct), _ => permissions.Publishes, version, n => n.Withdraw(reason ?? string.Empty),
            "已撤回。", _ => "/notices", ct);

    /// <summary>Anyone may object during a publicity window, giving a name or unit and a way to be reached.</summary>
    [AllowAnonymous]
    [HttpPost("{id:guid}/objections")]
    public async Task<IActionResult> Object(Guid id, string? from, string? text, CancellationToken ct)
    {
        var notice = await db.Notices.SingleOrDefaultAsync(n => n.Id == id && !n.IsWithdrawn, ct);
        if (notice is null)
        {
            return NotFound();
        }

        notice.Object(from ?? string.Empty, text ?? string.Empty, Display.Today(clock), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        TempData[DomainExceptionFilter.FlashSuccess] = "异议已提交，市科技局将核实并答复。";
        return RedirectToAction(nameof(Details), new { id });
    }

    [Authorize(Roles = PortalRoles.Bureau)]
    [HttpPost("{id:guid}/objections/{objectionId:guid}/answer")]
    public async Task<IActionResult> Answer(Guid id, Guid objectionId, string? answer, CancellationToken ct) =>
        await this.RunAsync(db, await db.Notices.SingleOrDefaultAsync(n => n.Id == id, ct), _ => permissions.Publishes, null,
            n => n.Answer(objectionId, answer ?? string.Empty, clock.GetUtcNow()), "已答复。", n => $"/notices/{n.Id}", ct);

    /// <summary>
    /// Attachments are filtered to signed-in actors (architecture §3.3); a published notice's files are public on purpose, so
    /// they are read past the tenant filter, and only those owned by this notice.
    /// </summary>
    private Task<List<Attachment>> FilesAsync(Guid noticeId, CancellationToken ct) =>
        db.Attachments.IgnoreQueryFilters([PortalDbContext.TenantFilter]).AsNoTracking()
            .Where(a => a.OwnerType == AttachmentOwnerType && a.OwnerId == noticeId).OrderBy(a => a.UploadedAt).ToListAsync(ct);
}

/// <summary>Signed-in users reach a notice's files through /attachments too, while the notice is published.</summary>
public class NoticeAttachmentOwner(PortalDbContext db) : IAttachmentOwner
{
    public string OwnerType => NoticesController.AttachmentOwnerType;

    public Task<bool> CanSeeAsync(Guid ownerId, CancellationToken ct) => db.Notices.AnyAsync(n => n.Id == ownerId && !n.IsWithdrawn, ct);
}
