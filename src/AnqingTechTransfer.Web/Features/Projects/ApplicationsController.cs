using AnqingTechTransfer.Domain;
using AnqingTechTransfer.Domain.Files;
using AnqingTechTransfer.Domain.Organizations;
using AnqingTechTransfer.Domain.Projects;
using AnqingTechTransfer.Web.Data;
using AnqingTechTransfer.Web.Features.Attachments;
using AnqingTechTransfer.Web.Features.Shared;
using AnqingTechTransfer.Web.Infrastructure;
using AnqingTechTransfer.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace AnqingTechTransfer.Web.Features.Projects;

public sealed record ApplicationRow(Guid Id, string Title, string ApplicantName, string RegionCode, string Programme, ApplicationStatus Status, DateTimeOffset? SubmittedAt);

/// <summary>An application with what the viewer may do to it (<see cref="ProjectPermissions"/> decides; the view shows the flags).</summary>
public sealed record ApplicationView(ProjectApplication Application, Programme Programme, IReadOnlyList<Attachment> Files, bool CanEdit, bool CanRecommend, bool CanCheck,
    ApplicationForm Form, bool ManagesPlan, bool CanGiveOpinion);

/// <summary>
/// 项目申报: enterprises and universities fill in their application (team, budget, milestones, documents), save drafts and
/// submit before the programme closes on the server clock; their county or park recommends or returns it; the bureau's
/// formal check tests the rules it can and lists every failure with its reason.
/// </summary>
[Authorize]
[Route("projects/applications")]
public class ApplicationsController(PortalDbContext db, ICurrentActor actor, ProjectPermissions permissions, AttachmentUploader uploader, Experts.PersonalDataProtector ids, FormalCheckHandler formalCheck,
    TimeProvider clock) : Controller
{
    public const string AttachmentOwnerType = "ProjectApplication";
    private static readonly FileKind[] Documents = [FileKind.Pdf, FileKind.Jpeg, FileKind.Png];

    [HttpGet("")]
    public async Task<IActionResult> Index(ApplicationStatus? status, int page = 1, CancellationToken ct = default)
    {
        if (!permissions.ReadsApplications)
        {
            return Forbid();
        }

        ViewData["Status"] = status;
        ViewData["IsApplicant"] = permissions.MayApply;
        ViewData["Open"] = permissions.MayApply ? await OpenProgrammesAsync(ct) : [];
        ViewData["Listed"] = permissions.MayApply
            ? (await ProblemsController.Listed(db).Select(p => new { p.Id, p.Title, p.ProgrammeId }).ToListAsync(ct))
                .GroupBy(p => p.ProgrammeId ?? Guid.Empty).ToDictionary(g => g.Key, g => g.Select(p => (p.Id, p.Title)).ToList())
            : new Dictionary<Guid, List<(Guid, string)>>();
        var query = db.ProjectApplications.AsNoTracking();
        if (status is { } s)
        {
            query = query.Where(a => a.Status == s);
        }

        return View(await query.OrderBy(a => a.Status).ThenByDescending(a => a.SubmittedAt).ThenBy(a => a.Id)
            .Join(db.Programmes.AsNoTracking(), a => a.ProgrammeId, p => p.Id, (a, p) => new { a, p })
            .Select(x => new ApplicationRow(x.a.Id, x.a.Title, x.a.ApplicantName, x.a.RegionCode, x.p.Terms.Name, x.a.Status, x.a.SubmittedAt))
            .ToPagedListAsync(page, ct: ct));
    }

    [HttpPost("new")]
    public async Task<IActionResult> New(Guid programmeId, Guid? problemId, CancellationToken ct)
    {
        if (!permissions.MayApply)
        {
            return Forbid();
        }

        var programme = await db.Programmes.AsNoTracking().SingleOrDefaultAsync(p => p.Id == programmeId, ct);
        if (programme is null)
        {
            return NotFound();
        }

        var own = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == actor.OrganizationId, ct);
        Guid? poster = null;
        if (problemId is { } pid)
        {
            poster = await db.Problems.Where(p => p.Id == pid && p.ProgrammeId == programmeId && p.Status == ProblemStatus.Listed).Select(p => (Guid?)p.OrganizationId)
                .SingleOrDefaultAsync(ct) ?? throw new DomainException("所选题目不在本专项的榜单上");
        }

        var application = ProjectApplication.Draft(programme, own.Id, own.Name, own.CreditCode, own.RegionCode, own.Kind == OrganizationKind.Enterprise, problemId,
            clock.GetUtcNow(), poster);
        db.ProjectApplications.Add(application);
        await db.SaveChangesAsync(ct);
        return RedirectToAction(nameof(Details), new { id = application.Id });
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Details(Guid id, CancellationToken ct) =>
        await ViewOfAsync(id, null, ct) is { } view ? View(view) : NotFound();

    [HttpPost("{id:guid}")]
    public async Task<IActionResult> Save(Guid id, ApplicationForm form, CancellationToken ct)
    {
        var application = await db.ProjectApplications.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (application is null)
        {
            return NotFound();
        }

        if (!permissions.Allows(ProjectPermissions.Edit, application))
        {
            return Forbid();
        }

        (form.Title, form.Summary, form.Budget, form.Milestones) = (form.Title ?? string.Empty, form.Summary ?? string.Empty, form.Budget ?? string.Empty, form.Milestones ?? string.Empty);
        if (ModelState.IsValid)
        {
            try
            {
                db.Entry(application).Property(a => a.Version).OriginalValue = form.Version ?? 0;
                application.Edit(form.Title, form.Summary, form.BudgetLines(), form.MilestoneList(), application.AttachedKinds,
                    await form.TeamAsync(n => ids.KeyOfAsync(n, ct), application.Team));
                await db.SaveChangesAsync(ct);
                TempData[DomainExceptionFilter.FlashSuccess] = "已保存草稿。";
                return RedirectToAction(nameof(Details), new { id });
            }
            catch (DomainException e)
            {
                ModelState.AddModelError(e.Field is { } f && f.Length > 0 ? f : string.Empty, e.Message);
            }
        }

        return View(nameof(Details), await ViewOfAsync(id, form, ct));
    }

    [HttpPost("{id:guid}/attachments")]
    [RequestSizeLimit(25L * 1024 * 1024)]
    public async Task<IActionResult> Attach(Guid id, string? kind, IFormFile? file, CancellationToken ct)
    {
        var application = await db.ProjectApplications.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (application is null)
        {
            return NotFound();
        }

        if (!permissions.Allows(ProjectPermissions.Edit, application))
        {
            return Forbid();
        }

        var programme = await db.Programmes.AsNoTracking().SingleAsync(p => p.Id == application.ProgrammeId, ct);
        if (kind is null || !(programme.Terms.RequiredAttachments.Contains(kind) || kind == ApplicationForm.OtherAttachmentKind) || file is null)
        {
            TempData[DomainExceptionFilter.FlashError] = "请选择附件类别和文件。";
            return RedirectToAction(nameof(Details), new { id });
        }

        var check = await uploader.CheckAsync(file, Documents, ct);
        if (check.Error is not null)
        {
            TempData[DomainExceptionFilter.FlashError] = check.Error;
            return RedirectToAction(nameof(Details), new { id });
        }

        application.Attach(kind);
        await uploader.AddAsync(AttachmentOwnerType, application.Id, application.OrganizationId, application.RegionCode, $"{kind}-{file.FileName}", check, ct);
        await db.SaveChangesAsync(ct);
        TempData[DomainExceptionFilter.FlashSuccess] = $"已上传{kind}。";
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpPost("{id:guid}/submit")]
    public Task<IActionResult> Submit(Guid id, uint version, CancellationToken ct) =>
        ActAsync(id, version, a => permissions.Allows(ProjectPermissions.Edit, a), async application =>
        {
            var programme = await db.Programmes.AsNoTracking().SingleAsync(p => p.Id == application.ProgrammeId, ct);
            application.Submit(programme.Terms, clock.GetUtcNow());
            return "已提交，待所在县（市、区）、园区推荐。";
        }, ct);

    [HttpPost("{id:guid}/recommend")]
    public Task<IActionResult> Recommend(Guid id, bool recommend, string? remark, uint version, CancellationToken ct) =>
        ActAsync(id, version, a => permissions.Allows(ProjectPermissions.Recommend, a), application =>
        {
            application.Recommend(recommend, remark);
            return Task.FromResult(recommend ? "已推荐至市科技局。" : "已退回申报单位修改。");
        }, ct);

    [HttpPost("{id:guid}/check")]
    public Task<IActionResult> Check(Guid id, uint version, CancellationToken ct) =>
        ActAsync(id, version, _ => permissions.ManagesPlan, async application =>
        {
            var failures = await formalCheck.EvaluateAsync(application, ct);
            application.RecordFormalCheck(failures);
            return failures.Count == 0 ? "形式审查通过。" : $"形式审查未通过：{string.Join("；", failures.Select(f => f.Reason))}";
        }, ct);

    /// <summary>揭榜挂帅: the enterprise that posted the problem says whether it supports the team.</summary>
    [HttpPost("{id:guid}/poster-opinion")]
    public Task<IActionResult> PosterOpinion(Guid id, bool supports, string? opinion, CancellationToken ct) =>
        ActAsync(id, null, a => permissions.Allows(ProjectPermissions.GiveOpinion, a), application =>
        {
            application.RecordPosterOpinion(actor.OrganizationId, supports, opinion ?? string.Empty);
            return Task.FromResult("发榜方意见已记录，市科技局立项时参考。");
        }, ct);

    /// <summary>
    /// One shape for every step on an application: not found (also for another's) → 404; not this user's step → 403; the
    /// version the form was read at (a concurrent change is refused); the domain step; saved; back to the application.
    /// </summary>
    private async Task<IActionResult> ActAsync(Guid id, uint? version, Func<ProjectApplication, bool> may, Func<ProjectApplication, Task<string>> act, CancellationToken ct)
    {
        var application = await db.ProjectApplications.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (application is null)
        {
            return NotFound();
        }

        if (!may(application))
        {
            return Forbid();
        }

        if (version is { } v)
        {
            db.Entry(application).Property(a => a.Version).OriginalValue = v;
        }

        var done = await act(application);
        await db.SaveChangesAsync(ct);
        TempData[DomainExceptionFilter.FlashSuccess] = done;
        return RedirectToAction(nameof(Details), new { id });
    }

    private async Task<ApplicationView?> ViewOfAsync(Guid id, ApplicationForm? form, CancellationToken ct)
    {
        var application = await db.ProjectApplications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
        if (application is null)
        {
            return null;
        }

        var programme = await db.Programmes.AsNoTracking().SingleAsync(p => p.Id == application.ProgrammeId, ct);
        var files = await db.Attachments.AsNoTracking().Where(a => a.OwnerType == AttachmentOwnerType && a.OwnerId == id).OrderBy(a => a.UploadedAt).ToListAsync(ct);
        return new ApplicationView(application, programme, files,
            permissions.Allows(ProjectPermissions.Edit, application) && application.Status is ApplicationStatus.Draft or ApplicationStatus.Returned,
            permissions.Allows(ProjectPermissions.Recommend, application) && application.Status == ApplicationStatus.Submitted,
            permissions.ManagesPlan && application.Status == ApplicationStatus.Recommended, form ?? ApplicationForm.From(application), permissions.ManagesPlan,
            permissions.Allows(ProjectPermissions.GiveOpinion, application)
            && application.Status is ApplicationStatus.Recommended or ApplicationStatus.Eligible or ApplicationStatus.Reviewed);
    }

    private async Task<IReadOnlyList<(Guid Id, string Name, FundingMode Mode, DateTimeOffset ClosesAt)>> OpenProgrammesAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var programmes = await db.Programmes.AsNoTracking().Where(p => db.ProjectCalls.Any(c => c.Id == p.CallId && c.Status == CallStatus.Published)).ToListAsync(ct);
        return programmes.Where(p => p.Terms.IsOpen(now)).Select(p => (p.Id, p.Terms.Name, p.Terms.Mode, p.Terms.ClosesAt)).ToList();
    }
}

/// <summary>An application's documents are seen by whoever sees the application.</summary>
public class ApplicationAttachmentOwner(PortalDbContext db) : IAttachmentOwner
{
    public string OwnerType => ApplicationsController.AttachmentOwnerType;

    public Task<bool> CanSeeAsync(Guid ownerId, CancellationToken ct) => db.ProjectApplications.AnyAsync(a => a.Id == ownerId, ct);
}
